# cpython.ref: Py_REFCNT of an object, with the GIL; the raw-pointer forms are
# not pyxx's (a PyObject pointer escapes reference counting).
import cython
from cython.cimports.cpython.ref import Py_REFCNT, _Py_REFCNT, Py_INCREF


def counts(o):
    with cython.nogil:
        n = Py_REFCNT(o)  # expected-error PX202
    m = Py_REFCNT(o, o)  # expected-error PX104: `Py_REFCNT` takes 1 argument but 2 were given
    k = _Py_REFCNT(o)  # expected-error PX302: pyxx knows cpython.ref's Py_REFCNT
    Py_INCREF(o)  # expected-error PX302: pyxx knows cpython.ref's Py_REFCNT
    return n, m, k
