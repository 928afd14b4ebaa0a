# expected-no-diagnostics
# Valid Python that tree-sitter-python 0.25 misreads (`list: a[0]` is taken for
# a constrained type): pyxx recovers these one-line definitions.
import cython


def first(a) -> list: a[0] = 7; return a


def swapped(a) -> list: a[0], a[1] = a[1], a[0]; return a


def nested(a) -> list: a[0][1] = 2; return a


def bumped(a: cython.double[:]) -> cython.double: a[0] += 1; return a[0] + a[1]


@cython.cfunc
@cython.nogil
def read(a: cython.double[:], i: cython.Py_ssize_t) -> cython.double: a[i]; return a[i] * 2


def entry(a: cython.double[:]) -> cython.double:
    with cython.nogil:
        r = read(a, 0)
    return r
