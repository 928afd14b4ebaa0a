# Exports a C function that raises (e2e/limited_api): cimported by rooms.py.
import cython


@cython.cfunc
@cython.exceptval(-1.0)
def area(w: cython.double, h: cython.double) -> cython.double:
    if w < 0 or h < 0:
        raise ValueError("negative side")
    return w * h
