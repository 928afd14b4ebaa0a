# expected-no-diagnostics
# ok-for: PX202
import cython
from cython.cimports.libc.math import sqrt


@cython.cfunc
@cython.nogil
def square(n: cython.int) -> cython.int:
    return n * n


@cython.cfunc
@cython.with_gil
def logs(n: cython.int) -> cython.void:
    print(n)


@cython.cfunc
@cython.nogil
def caller(n: cython.int) -> cython.double:
    logs(n)
    return sqrt(square(n))


def entry(n: cython.int) -> cython.double:
    with cython.nogil:
        r = caller(n)
    return r
