# `cython.address(v[i])`: a pointer into a memoryview's buffer (bounds checked
# like the element itself), written through by C code; a view whose element
# address is taken is acquired writable.
import cython
from cython.cimports.libc.string import memset


def poke(v: cython.int[:], i: cython.Py_ssize_t):
    p: cython.p_int = cython.address(v[i])
    p[0] = 7
    memset(cython.address(v[i + 1]), 0, cython.sizeof(cython.int))
    return list(v)


@cython.cfunc
@cython.nogil
def fill(p: cython.p_double, n: cython.int, x: cython.double) -> cython.void:
    for k in range(n):
        p[k] = x


def fill_row(m: cython.double[:, ::1], row: cython.int, x: cython.double):
    with cython.nogil:
        fill(cython.address(m[row, 0]), m.shape[1], x)
