# A function Python calls takes and returns Python objects: C data without a
# Python value (a pointer other than a C string, a union as a result, a struct
# holding one) cannot be in its signature. A cfunc can take and return them. A
# plain def's return annotation of a union is not read, as in Cython.
import cython

Either = cython.union(n=cython.int, x=cython.double)
Tagged = cython.struct(tag=cython.bint, data=Either)


def deref(p: cython.p_int) -> cython.int:  # expected-error PX103: cannot convert a Python object to `cython.pointer(cython.int)`
    return p[0]


def nothing() -> cython.p_int:  # expected-error PX103: cannot convert `cython.pointer(cython.int)` to a Python object
    return cython.NULL


def either(n: cython.int) -> Either:  # not read (no Python value), as in Cython: the union is returned
    return Either(n=n)  # expected-error PX103: cannot convert `Either` to a Python object


@cython.ccall
def tagged(n: cython.int) -> Tagged:  # expected-error PX103: cannot convert `Tagged` to a Python object
    return Tagged(tag=True, data=Either(n=n))


@cython.cfunc
def c_only(p: cython.p_int) -> Either:
    return Either(n=p[0])


def from_mapping(e: Either, text: cython.p_char) -> cython.int:
    # A union parameter converts from a mapping with one field; a C string from bytes.
    return e.n + text[0]
