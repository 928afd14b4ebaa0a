# A mistake is reported once: what follows from it says nothing more.
import cython
from numba import njit


@cython.cfunc
def scale(x: cython.double) -> cython.double:
    return 2.0 * x


@cython.cfunc
def scale(x: cython.double) -> cython.double:  # expected-error PX105
    return 3.0 * x


@njit
def triangle(n):  # expected-error PX106
    total = 0
    for i in range(n + 1):
        total += i
    return total
