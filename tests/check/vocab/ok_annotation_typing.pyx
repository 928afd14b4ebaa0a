# expected-no-diagnostics
# annotation_typing(False) leaves annotations unread (a name pyxx does not know
# is no error there); infer_types(None) still infers C doubles, usable in nogil code.
import cython


@cython.annotation_typing(False)
def anything(a: SomeProtocol, b: "not a type") -> cython.int:
    c: AlsoUnknown = a
    return c, b


def block(v):
    with cython.annotation_typing(False):
        d: Whatever = v
    return d


@cython.cfunc
@cython.nogil
@cython.infer_types(None)
def safe(n: cython.double) -> cython.double:
    x = n * 2.0
    return x


def caller(n: cython.double) -> cython.double:
    with cython.nogil:
        r = safe(n)
    return r
