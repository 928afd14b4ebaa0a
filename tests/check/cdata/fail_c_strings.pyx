# C strings (`char*`) point into the buffer of a bytes object: the object must
# outlive the pointer, so it has to be held by a variable (or be a literal).
import cython


def temporaries(o, s: str, b: bytes):
    p: cython.p_char = b + b"!"  # expected-error PX121: `cython.pointer(cython.char)` would point into a temporary Python object expected-note: assign the object to a variable first
    q: cython.p_char = o.encode()  # expected-error PX121: would point into a temporary expected-note: assign the object to a variable first
    r: cython.p_char = s  # expected-error PX103: cannot convert a Python `str` to `cython.pointer(cython.char)` expected-note: encode the text first
    return p, q, r


def without_gil(b: bytes):
    p: cython.p_char
    with cython.nogil:  # expected-note: the GIL is released here
        p = b  # expected-error PX201: (to `cython.pointer(cython.char)`)
    with cython.nogil:  # expected-note: the GIL is released here
        n = p[0:2]  # expected-error PX201: a slice of C characters becomes `bytes`
    return n


@cython.cfunc
@cython.nogil  # expected-note: may run without the GIL
def literal_as_object() -> cython.int:
    b = b"not a C string"  # expected-error PX201: creating a Python string
    return 0
