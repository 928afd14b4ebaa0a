# Calls of C functions cimported from another pyxx module: each goes through a
# slot that pyxx_exec fills from that module's __pyxx_capi__, and a wrapper
# that throws the callee's error again.
import cython
from cython.cimports.shapes_decl import area, scaled, describe


def total(w: cython.double, h: cython.double) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = area(w, h)
    return scaled(r)


def text(x) -> str:
    return describe(x)
