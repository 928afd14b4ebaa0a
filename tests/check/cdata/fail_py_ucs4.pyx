# What a Py_UCS4 cannot do: Cython's answers there are neither C's nor plain
# Python's consistently (a truth test, `-c`, `is`), or no exact conversion exists.
import cython

chars = cython.fused_type(cython.Py_UCS4, cython.int)  # expected-error PX304: `cython.Py_UCS4` as a member of a fused type


def truth(c: cython.Py_UCS4, d: cython.Py_UCS4):
    if c:  # expected-error PX111: operator `truth test` cannot be applied to `cython.Py_UCS4`
        return -c  # expected-error PX111: operator `-` cannot be applied to `cython.Py_UCS4`
    return c is d  # expected-error PX111: operator `is` cannot be applied to `cython.Py_UCS4`


def conversions(c: cython.Py_UCS4, z: cython.doublecomplex):
    a: cython.Py_UCS4 = "ab"  # expected-error PX103: cannot convert a `str` literal that is not one character to `cython.Py_UCS4`
    b: cython.bint = c  # expected-error PX103: cannot convert `cython.Py_UCS4` to `cython.bint`
    n: int = c  # expected-error PX103: cannot convert `cython.Py_UCS4` to a Python `int`
    d: cython.Py_UCS4 = 1.5  # expected-error PX103: cannot convert `cython.double` to `cython.Py_UCS4`
    return a, b, n, d, c == z  # expected-error PX111: operator `comparison` cannot be applied to `cython.Py_UCS4` and `cython.doublecomplex`


def views(v: cython.Py_UCS4[:]):  # expected-error PX304: a memoryview of `cython.Py_UCS4`
    return v


def wide(s):
    u: cython.Py_UNICODE = s  # expected-error PX304: `cython.Py_UNICODE` types
    return u


def without_gil(s: str, c: cython.Py_UCS4):
    d: cython.Py_UCS4
    with cython.nogil:  # expected-note: the GIL is released here
        d = s  # expected-error PX201: (to `cython.Py_UCS4`)
    with cython.nogil:  # expected-note: the GIL is released here
        t = c * 2  # expected-error PX201: (`*`)
    return d, t
