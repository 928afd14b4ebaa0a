# A C array as a memoryview: pyxx::view_of_carray over the variable itself
# (a module-level array's own storage, not a copy), also without the GIL.
import cython

grid = cython.declare(cython.double[3][2])


@cython.cfunc
@cython.nogil
def first(v: cython.double[:, :]) -> cython.double:
    return v[0, 0]


@cython.cfunc
@cython.nogil
def local_array() -> cython.double:
    a = cython.declare(cython.double[3][2])
    v: cython.double[:, ::1] = a
    v[1, 2] = 1.0
    return first(a) + first(v)


def module_array():
    return cython.declare(cython.double[:, :], grid)
