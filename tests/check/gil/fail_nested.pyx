import cython
from numba import njit


def twice(n: cython.int) -> cython.int:
    with cython.nogil:
        with cython.nogil:  # expected-error PX203
            n = n + 1
    return n


@njit(nogil=True)
def numba_body(n: int) -> int:
    with cython.nogil:  # expected-error PX203
        n = n + 1
    return n


def conditional(n: cython.int, flag: cython.bint) -> cython.int:
    with cython.nogil(flag):
        with cython.nogil:  # expected-error PX203
            n = n + 1
    return n
