# cpython.array: the type object loaded by the exec function, the instance
# test of a parameter, the data pointer and a helper call.
import cython
from cython.cimports.cpython import array
import array


def first(a: array.array) -> cython.int:
    return a.data.as_ints[0]


def grown(a: array.array, n: cython.Py_ssize_t) -> array.array:
    b: array.array = array.clone(a, n, zero=True)
    array.resize(b, n + 1)
    return b
