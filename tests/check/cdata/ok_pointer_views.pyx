# Memoryviews over pointers and C arrays, made and used without the GIL.
# expected-no-diagnostics
import cython


@cython.cfunc
@cython.nogil
def total(p: cython.p_double, n: cython.Py_ssize_t, m: cython.Py_ssize_t) -> cython.double:
    grid: cython.double[:, ::1] = cython.cast(cython.double[:n, :m], p)
    flat: cython.double[:] = cython.cast(cython.double[:n * m], p)
    s: cython.double = grid[0, 0]
    i: cython.Py_ssize_t
    for i in range(1, n * m):
        s += flat[i]
    return s


def use():
    a = cython.declare(cython.double[6])
    v: cython.double[:] = cython.cast(cython.double[:6], a)
    v[:] = 1.5
    with cython.nogil:
        r = total(cython.address(a[0]), 2, 3)
    return r, v


@cython.cfunc
@cython.nogil
def first_address(v: cython.double[:, ::1]) -> cython.p_double:
    return cython.address(v[0, 0])  # a pointer into the view's buffer, without the GIL
