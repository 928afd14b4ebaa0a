import cython
from numba import njit


@njit
def untyped(n) -> int:  # expected-error PX106
    return 0


@cython.nogil  # expected-error PX107
def python_nogil(n: cython.int) -> cython.int:
    return n


@cython.cfunc
def no_value(n: cython.int) -> cython.int:
    return  # expected-error PX108


def loop_control(n: cython.int) -> cython.int:
    break  # expected-error PX109
    return n


def bad_target(obj):
    obj.attr: cython.int  # expected-error PX110
    return obj
