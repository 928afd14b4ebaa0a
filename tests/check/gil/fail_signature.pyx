import cython
from numba import njit


@cython.cfunc
@cython.nogil
def takes_object(x: object) -> cython.int:  # expected-error PX205
    return 0


@cython.cfunc
@cython.nogil
def returns_object(n: cython.int) -> object:  # expected-error PX205
    return 0


@cython.cfunc
@cython.nogil
def returns_none(n: cython.int) -> None:  # expected-error PX205
    pass


@njit
def numba_object(x: object) -> int:  # expected-error PX205
    return 0
