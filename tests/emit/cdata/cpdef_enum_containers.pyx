# A cpdef enum's values inside a C tuple and libcpp containers: converted to
# Python element by element, each value the enum's member.
import cython
from cython.cimports.libcpp.map import map
from cython.cimports.libcpp.vector import vector


def tagged(n: cython.int) -> tuple[glaze, cython.int]:
    return (glaze.gloss, n)


def finishes() -> vector[glaze]:
    v: vector[glaze]
    v.push_back(matte)
    return v


def by_weight():
    m: map[cython.int, glaze]
    m[100] = gloss
    return m
