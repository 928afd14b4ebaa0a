# Found by tests/random: a negative float cast to a 64-bit unsigned type gave 0
# (the reduction modulo 2**64 added 2**64 in double, which rounds, and then
# converted 2**64 itself). Truncation, then reduction modulo 2**bits.
import cython


def to_ulonglong(x: cython.double) -> cython.ulonglong:
    return cython.cast(cython.ulonglong, x)


def to_size_t(x: cython.double) -> cython.size_t:
    return cython.cast(cython.size_t, x)


def float_to_ulong(x: cython.double) -> cython.ulong:
    f: cython.float = cython.cast(cython.float, x)
    return cython.cast(cython.ulong, f)


def to_uint(x: cython.double) -> cython.uint:
    return cython.cast(cython.uint, x)


def to_uchar(x: cython.double) -> cython.uchar:
    return cython.cast(cython.uchar, x)


def through_ulonglong(x: cython.double) -> cython.short:
    return cython.cast(cython.short, cython.cast(cython.ulonglong, x))
