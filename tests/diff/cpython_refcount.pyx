# cpython.ref.Py_REFCNT: the count itself depends on who holds references (the
# compiled function holds others than the interpreter does), its changes do not.
import cython
from cython.cimports.cpython.ref import Py_REFCNT


def grows(x):
    before = Py_REFCNT(x)
    keep = [x, x, x]
    after = Py_REFCNT(x)
    n = len(keep)
    del keep
    back = Py_REFCNT(x)
    return after - before, back - before, n


@cython.cfunc
def in_c_function(obj: object) -> cython.Py_ssize_t:
    before = Py_REFCNT(obj)
    d = {1: obj}
    return Py_REFCNT(obj) - before + len(d) - 1


def from_c(x):
    return in_c_function(x), cython.typeof(Py_REFCNT(x))
