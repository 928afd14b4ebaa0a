# pyxx-check-options: --limited-api 3.12
# Functions whose objects or dispatch the limited API cannot make (PX306),
# and C data holding what it cannot convert.
import cython
import functools
from numba import njit

number = cython.fused_type(cython.int, cython.double)
pairs = cython.declare(cython.doublecomplex[4])  # expected-error PX306


def twice(x: number) -> number:  # expected-error PX306
    return x * 2


@functools.lru_cache(maxsize=None)
def cached(n):  # expected-error PX306
    return n + 1


def scaled(x, factor=len("abc")):  # expected-error PX306
    return x * factor


def counted(n):  # expected-error PX306
    return n


counted.calls = 0


@njit(nogil=True)
def add(a: cython.int, b: cython.int) -> cython.int:  # expected-error PX306
    return a + b
