# Only a plain `def` can be a generator; it runs with the GIL.
import cython


@cython.cfunc
def c_evens(n: cython.int) -> cython.int:  # expected-error PX116
    for i in range(0, n, 2):
        yield i


@cython.ccall
@cython.nogil
def nogil_gen(n: cython.int) -> cython.int:  # expected-error PX116
    yield n


def released(n: cython.int):
    with cython.nogil:
        yield n  # expected-error PX201


def view_param(v: cython.double[:]):  # expected-error PX304
    yield v[0]


yield 1  # expected-error PX109

