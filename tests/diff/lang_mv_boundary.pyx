# What a memoryview parameter accepts at the def boundary: the element format,
# the number of dimensions, C-contiguity for ::1, and buffer support at all.
import cython


def first_double(a: cython.double[:]) -> cython.double:
    return a[0] if len(a) > 0 else -1.0


def first_int(a: cython.int[:]) -> cython.int:
    return a[0] if len(a) > 0 else -1


def corner_long(a: cython.long[:, :]) -> cython.long:
    return a[0, 0]


def first_contig(a: cython.double[::1]) -> cython.double:
    return a[0]


def first_float_grid(a: cython.float[:, ::1]) -> cython.float:
    return a[0, 0]
