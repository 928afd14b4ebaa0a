# Defaults and decorators pyxx rejects: a default that is no constant on a
# function callable without the GIL (its stored value is a Python object), and
# Python decorators on C functions (as in Cython).
import cython

N = 3


def twice(fn):
    return fn


@cython.cfunc
@cython.nogil
def scaled(x: cython.int, k: cython.int = N) -> cython.int:  # expected-error PX302: a non-constant default value of a nogil function
    return x * k


@twice  # expected-error PX303
@cython.cfunc
def c_decorated(x: cython.int) -> cython.int:
    return x


@twice  # expected-error PX303
@cython.ccall
def cp_decorated(x: cython.int) -> cython.int:
    return x


def use_in_nogil(n: cython.int) -> cython.int:
    with cython.nogil:
        r = decorated(n)  # expected-error PX202
    return r


@twice
def decorated(x):
    return x
