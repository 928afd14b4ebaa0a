# Memoryviews whose element is a bare name: an alias of a Cython type
# (`from cython import int as cint`) or a cimported C type (`int32_t`). The
# grammar reads `name[:]` as an error; the annotation is recovered before
# parsing, and never inside a string or a comment: "x: cint[:]".
import array

import cython
from cython import int as cint
from cython.cimports.libc.stdint import int32_t


def total(v: cint[:]) -> cint:
    """A docstring that mentions `v: cint[:]` keeps its text."""
    s: cint = 0
    for i in range(v.shape[0]):
        s += v[i]
    return s


def corner(a: int32_t[:, ::1]) -> int32_t:
    return a[0, 0] * 10 + a[1, 1]  # a comment: x: int32_t[:] stays


def texts():
    return total.__doc__, "y: cint[:]"


def run():
    data = array.array("i", [1, 2, 3, 4])
    return total(memoryview(data)), corner(memoryview(data).cast("B").cast("i", [2, 2])), texts()
