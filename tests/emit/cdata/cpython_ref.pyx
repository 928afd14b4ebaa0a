# cpython.ref.Py_REFCNT reads the count of the object as the code holds it.
import cython
from cython.cimports.cpython.ref import Py_REFCNT


def count(o) -> cython.Py_ssize_t:
    return Py_REFCNT(o)
