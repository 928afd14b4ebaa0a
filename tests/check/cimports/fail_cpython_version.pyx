# Of cpython.version, pyxx reads the integer macros only; cpython.ref's
# reference counts have no model (a count differs between compiled code and
# plain Python).
import cython
from cython.cimports.cpython.version import PY_VERSION, PY_VERSION_HEX
from cython.cimports.cpython.ref import Py_REFCNT


def version():
    return PY_VERSION  # expected-error PX113: `cpython.version.PY_VERSION` is not a value


def count(o):
    return Py_REFCNT(o)  # expected-error PX302


def hexversion():
    return PY_VERSION_HEX + 0
