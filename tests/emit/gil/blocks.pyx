import cython
from cython.cimports.libc.math import sqrt


@cython.cfunc
@cython.nogil
def checked_root(x: cython.double) -> cython.double:
    if x < 0:
        raise ValueError("negative input")
    with cython.gil:
        print("root of", x)
    return sqrt(x)


def maybe_released(x: cython.double, release: cython.bint) -> cython.double:
    with cython.nogil(release):
        r = checked_root(x)
    with cython.nogil, cython.gil:
        r += 1.0
    return r
