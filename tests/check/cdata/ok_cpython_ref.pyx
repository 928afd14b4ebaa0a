# cpython.ref.Py_REFCNT of an object (or of a C value made one), with the GIL.
# ok-for: PX202 PX302
# expected-no-diagnostics
import cython
from cython.cimports.cpython.ref import Py_REFCNT


@cython.cfunc
def count(obj: object) -> cython.Py_ssize_t:
    return Py_REFCNT(obj)


def counts(o, n: cython.int):
    with cython.nogil:
        with cython.gil:
            k = Py_REFCNT(o)
    return count(o), k, Py_REFCNT([o]), Py_REFCNT(n) > 0
