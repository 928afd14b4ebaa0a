# cython.view.array is a Python object: it needs the GIL; only with a buffer.
import cython
from cython.view import array


def modes(n: cython.int) -> cython.void:
    b = array((n,), 4, "i", allocate_buffer=False)  # expected-error PX302
    c = array((n,), 4)  # expected-error PX113: needs `shape`, `itemsize` and `format`


def nogil_array(n: cython.int) -> cython.void:
    v: cython.int[:]
    with cython.nogil:
        v = array((n,), 4, "i")  # expected-error PX201: creating a `cython.view.array`
