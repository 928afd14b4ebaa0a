# `cython.address(v[i])` of a vector that is no variable: the vector is a
# temporary, gone after the statement, so the pointer would dangle.
import cython
from cython.cimports.libcpp.vector import vector


@cython.cfunc
def make() -> vector[cython.int]:
    return [1, 2]


def first() -> cython.int:
    p: cython.p_int = cython.address(make()[0])  # expected-error PX302: `cython.address` of `make()[0]`
    return p[0]


def slice_of(v: vector[cython.int]):
    return cython.address(v[0:1])  # expected-error PX302: `v[0:1]`: a `vector` takes one index
