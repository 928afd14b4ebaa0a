# A C char compared with a one-byte bytes literal compares the character code,
# as Cython does (warning PX402: plain Python compares an int with bytes).
import cython


def is_a(c: cython.char) -> cython.bint:
    return c == b'A'  # PX402


def not_z(c: cython.uchar) -> cython.bint:
    return b'z' != c  # PX402


def is_digit(c: cython.uchar) -> cython.bint:
    return b'0' <= c <= b'9'  # PX402


def portable(c: cython.char) -> cython.bint:
    return c == ord(b'A')
