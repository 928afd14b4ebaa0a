# A membership test is C only when both sides are C numbers: an object element,
# a string, a starred item or a bytes literal builds a Python container.
import cython

G = 3


@cython.cfunc
@cython.nogil
def with_global(c: cython.int) -> cython.bint:
    return c in (1, G)  # expected-error PX201


@cython.cfunc
@cython.nogil
def with_bytes(c: cython.char) -> cython.bint:
    return c in (b"a", b"b")  # expected-error PX201


@cython.cfunc
@cython.nogil
def with_empty(c: cython.int) -> cython.bint:
    return c in ()  # expected-error PX201
