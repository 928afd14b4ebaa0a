"""Shim for `cython.cimports.cpython.ref`: Py_REFCNT as CPython counts it here
(sys.getrefcount less the reference its own argument holds). Compiled code
holds other references than the interpreter does: compare differences only."""
import sys as _sys


def Py_REFCNT(obj):
    return _sys.getrefcount(obj) - 1
