# expected-no-diagnostics
# `with` items spanning lines, and Python 3.9's parenthesized items.
import cython


@cython.cfunc
@cython.nogil
def square(n: cython.int) -> cython.int:
    return n * n


def conditional(n: cython.int, flag: cython.bint) -> cython.int:
    with cython.nogil(
            flag):
        r = square(n)
    return r


def parenthesized(n: cython.int) -> cython.int:
    with (
        cython.nogil
    ):
        r = square(n)
    return r


def trailing_comma(n: cython.int) -> cython.int:
    with (
        cython.nogil,
    ):
        r = square(n)
    return r


def continued(n: cython.int) -> cython.int:
    with cython.nogil, \
            cython.gil:
        r = square(n)
    return r
