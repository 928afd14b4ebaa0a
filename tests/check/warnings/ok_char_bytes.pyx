# expected-no-diagnostics
# ok-for: PX402
import cython


def is_a(c: cython.char) -> cython.bint:
    return c == ord(b'A')


def bytes_equal(b: bytes) -> cython.bint:
    return b == b'A'


def int_and_bytes(n: cython.int):
    return n == b'A'
