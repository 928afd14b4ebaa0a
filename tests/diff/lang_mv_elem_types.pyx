# Memoryviews of every scalar element type: sums read each element as its C
# type; `bump` writes through the view.
import cython


def sum_schar(a: cython.schar[:]) -> cython.long:
    s: cython.long = 0
    for i in range(len(a)):
        s += a[i]
    return s


def sum_uchar(a: cython.uchar[:]) -> cython.long:
    s: cython.long = 0
    for i in range(len(a)):
        s += a[i]
    return s


def sum_short(a: cython.short[:]) -> cython.long:
    s: cython.long = 0
    for i in range(len(a)):
        s += a[i]
    return s


def sum_ushort(a: cython.ushort[:]) -> cython.long:
    s: cython.long = 0
    for i in range(len(a)):
        s += a[i]
    return s


def sum_int(a: cython.int[:]) -> cython.long:
    s: cython.long = 0
    for i in range(len(a)):
        s += a[i]
    return s


def sum_uint(a: cython.uint[:]) -> cython.ulong:
    s: cython.ulong = 0
    for i in range(len(a)):
        s += a[i]
    return s


def first_long(a: cython.long[:]) -> cython.long:
    return a[0]


def first_ulong(a: cython.ulong[:]) -> cython.ulong:
    return a[0]


def first_longlong(a: cython.longlong[:]) -> cython.longlong:
    return a[0]


def first_ulonglong(a: cython.ulonglong[:]) -> cython.ulonglong:
    return a[0]


def sum_float(a: cython.float[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(len(a)):
        s += a[i]
    return s


def first_ssize(a: cython.Py_ssize_t[:]) -> cython.Py_ssize_t:
    return a[0]


def first_size(a: cython.size_t[:]) -> cython.size_t:
    return a[0]


def bump_short(a: cython.short[:], by: cython.short) -> cython.void:
    for i in range(len(a)):
        a[i] = a[i] + by
