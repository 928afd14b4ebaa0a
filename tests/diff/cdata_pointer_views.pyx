# Memoryviews over the memory behind a pointer: `cython.cast(cython.double[:n, :m], p)`
# is C-contiguous, does not own the memory, is usable without the GIL, and is
# checked as Cython checks it (a NULL pointer, an extent below 1). Over a C
# array it may not be larger than the array.
import cython
from cython.cimports.libc.stdlib import malloc, free


@cython.cfunc
@cython.nogil
def fill(grid: cython.double[:, ::1]) -> cython.double:
    i: cython.Py_ssize_t
    j: cython.Py_ssize_t
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            grid[i, j] = i * 10 + j
    return grid[grid.shape[0] - 1, grid.shape[1] - 1]


def grid_sum(n: cython.Py_ssize_t, m: cython.Py_ssize_t):
    p: cython.p_double = cython.cast(cython.p_double, malloc(n * m * cython.sizeof(cython.double)))
    try:
        grid: cython.double[:, ::1] = cython.cast(cython.double[:n, :m], p)
        flat: cython.double[:] = cython.cast(cython.double[:n * m], p)
        last: cython.double
        total: cython.double = 0
        k: cython.Py_ssize_t
        with cython.nogil:
            last = fill(grid)
            for k in range(n * m):
                total += flat[k]
        values = []
        for k in range(n * m):
            values.append(flat[k])
        return last, total, values, flat[-1]
    finally:
        free(p)


def out_of_bounds(i: cython.Py_ssize_t):
    p: cython.p_int = cython.cast(cython.p_int, malloc(3 * cython.sizeof(cython.int)))
    try:
        v: cython.int[:] = cython.cast(cython.int[:3], p)
        v[i] = 7
        return v[i]
    finally:
        free(p)


def null_view():
    p: cython.p_int = cython.NULL
    v: cython.int[:] = cython.cast(cython.int[:4], p)
    return v[0]


def empty_view(n: cython.int):
    p: cython.p_int = cython.cast(cython.p_int, malloc(4 * cython.sizeof(cython.int)))
    try:
        v: cython.int[:] = cython.cast(cython.int[:n], p)
        return len(v)
    finally:
        free(p)


def over_array(n: cython.int):
    a = cython.declare(cython.int[4])
    a[1] = 5
    v: cython.int[:] = cython.cast(cython.int[:n], a)
    v[0] = 9
    return a[0], v[1], len(v)
