# pyxx-check-options: --limited-api 3.9
# cpython.array needs the buffer protocol and type slots: refused once, at its first use.
import cython
from cython.cimports.cpython import array
import array


def total(a: array.array) -> cython.long:  # expected-error PX306: cannot be compiled for the limited API
    return len(a)


def first(a: array.array) -> cython.int:
    return a.data.as_ints[0]
