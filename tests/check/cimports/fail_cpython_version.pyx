# Of cpython.version, pyxx reads the integer macros only (cpython.ref's
# Py_REFCNT: check/cdata/ok_cpython_ref.pyx).
import cython
from cython.cimports.cpython.version import PY_VERSION, PY_VERSION_HEX


def version():
    return PY_VERSION  # expected-error PX113: `cpython.version.PY_VERSION` is not a value


def hexversion():
    return PY_VERSION_HEX + 0
