# Cimports a C function of shapes.py (e2e/limited_api).
import cython
from cython.cimports.shapes import area


def floor_area(w: cython.double, h: cython.double) -> cython.double:
    return area(w, h) + 0.5
