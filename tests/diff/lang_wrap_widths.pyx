# Wrap-around of every signed and unsigned C integer width when a result is
# stored into (or returned as) that type, and C's integer promotions: small
# types are computed as int before the store. Plain Python does not wrap; the
# driver reduces its plain results to the width, as the C store does, and
# requires the compiled results to be in range already.
import cython


def add_char(a: cython.schar, b: cython.schar) -> cython.schar:
    return a + b


def add_uchar(a: cython.uchar, b: cython.uchar) -> cython.uchar:
    return a + b


def mul_short(a: cython.short, b: cython.short) -> cython.short:
    return a * b


def sub_ushort(a: cython.ushort, b: cython.ushort) -> cython.ushort:
    return a - b


def promoted_ushort(a: cython.ushort, b: cython.ushort):
    return a - b


def mul_int(a: cython.int, b: cython.int) -> cython.int:
    return a * b


def sub_uint(a: cython.uint, b: cython.uint) -> cython.uint:
    return a - b


def add_long(a: cython.long, b: cython.long) -> cython.long:
    return a + b


def neg_long(a: cython.long) -> cython.long:
    return -a


def mul_ulonglong(a: cython.ulonglong, b: cython.ulonglong) -> cython.ulonglong:
    return a * b


def sub_size_t(a: cython.size_t, b: cython.size_t) -> cython.size_t:
    return a - b


def add_ssize(a: cython.Py_ssize_t, b: cython.Py_ssize_t) -> cython.Py_ssize_t:
    return a + b


def accumulate_uchar(n: cython.int) -> cython.uchar:
    acc: cython.uchar = 0
    for i in range(n):
        acc += 7
    return acc


def shift_mix(a: cython.uint, s: cython.int) -> cython.uint:
    return (a << s) | (a >> (32 - s))
