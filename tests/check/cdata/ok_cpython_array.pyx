# expected-no-diagnostics
# cpython.array: array.array as a type and a value, its data pointer (with the
# GIL) used without the GIL, and the helpers of Cython's cpython/array.pxd.
import cython
from cython.cimports.cpython import array
from cython.cimports.libc.string import memset
import array

template = cython.declare(array.array, array.array('d', []))


def fill(n: cython.Py_ssize_t, v: cython.double) -> array.array:
    a: array.array = array.clone(template, n, zero=False)
    p: cython.p_double = a.data.as_doubles
    i: cython.Py_ssize_t
    with cython.nogil:
        for i in range(n):
            p[i] = v
    return a


def helpers(a: array.array, b: array.array) -> cython.int:
    array.resize(a, len(a) + 1)
    array.resize_smart(a, 2)
    array.extend(a, b)
    array.extend_buffer(a, b.data.as_chars, len(b))
    array.zero(a)
    memset(a.data.as_voidptr, 0, len(a) * cython.sizeof(cython.double))
    c = array.copy(a)
    return len(c)


def as_view(a: array.array) -> cython.double:
    v: cython.double[:] = a
    return v[0]


def is_array(x) -> cython.bint:
    return isinstance(x, array.array)
