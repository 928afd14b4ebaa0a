# expected-no-diagnostics
# ok-for: PX120 PX202
# C functions of another pyxx module, called as the module's own cfuncs are:
# a nogil one without the GIL, the others with it, keywords and objects included.
import cython
from cython.cimports.shapes_decl import area, scaled as scale, describe


def total(w: cython.double, h: cython.double) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = area(w, h=h)
    return scale(r)


def text(x) -> str:
    return describe(x)
