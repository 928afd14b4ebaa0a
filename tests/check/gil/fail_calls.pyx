import cython
import math


def py_function(n: cython.int) -> cython.int:
    return n


@cython.cfunc
def needs_gil(n: cython.int) -> cython.int:
    print(n)
    return n


@cython.cfunc
def pure_but_undeclared(n: cython.int) -> cython.int:
    return n + 1


@cython.cfunc
@cython.nogil
def caller(n: cython.int) -> cython.double:
    a: cython.int = py_function(n)  # expected-error PX202: `py_function`
    b: cython.int = needs_gil(n)  # expected-error PX202: `needs_gil`
    c: cython.int = pure_but_undeclared(n)  # expected-error PX202
    print(a, b, c)  # expected-error PX202: print
    return math.sqrt(n)  # expected-error PX202: math.sqrt
