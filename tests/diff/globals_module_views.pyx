# Module-level memoryview variables (`cython.declare(cython.int[:], obj)`):
# bound in module code or through `global`, read and written element by
# element by code that holds the GIL, handed to functions that take views.
import array

import cython

data = array.array('i', [1, 2, 3, 4])
view = cython.declare(cython.int[:], data)
empty = cython.declare(cython.double[:])
cython.declare(grid=cython.double[:, ::1])

view[0] = 10
print("module", view[0], view.shape[0], empty is None)


@cython.cfunc
@cython.nogil
def total(v: cython.int[:]) -> cython.long:
    s: cython.long = 0
    for i in range(v.shape[0]):
        s += v[i]
    return s


def sum_view():
    return total(view)


def bump(i: cython.Py_ssize_t, by: cython.int):
    view[i] += by
    return view[i], data[i]


def rebind(obj):
    global empty
    empty = obj
    return empty.shape[0], empty[0]


def grid_is_none():
    return grid is None


def read_empty():
    return empty[len(empty) - 1]


def copy_out():
    local: cython.int[:] = view
    with cython.nogil:
        local[1] = 20
    return list(data)
