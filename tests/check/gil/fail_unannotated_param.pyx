# An unannotated parameter is a Python object: the fix is a C annotation.
import cython


def f(n, m: cython.int) -> cython.long:  # expected-note: has no annotation
    with cython.nogil:  # expected-note: the GIL is released here
        r = n * 2 + m  # expected-error PX201: arithmetic
    return r
