import cython


def is_a(c: cython.char) -> cython.bint:
    return c == b'A'  # expected-warning PX402


def not_z(c: cython.uchar) -> cython.bint:
    return b'z' != c  # expected-warning PX402


@cython.cfunc
@cython.nogil
def below(c: cython.schar) -> cython.bint:
    return c < b'0'  # expected-warning PX402
