# `for k, v in m`: the pair's parts stored into the two variables, left to right.
import cython
from cython.cimports.libcpp.map import map


@cython.cfunc
@cython.nogil
def weighted_sum(m: map[cython.int, cython.double]) -> cython.double:
    k: cython.int
    v: cython.double
    total: cython.double = 0
    for k, v in m:
        total += k * v
    return total


def items(d: dict):
    m = cython.declare(map[cython.int, cython.int], d)
    out = []
    for key, value in m:
        out.append(key - value)
    return out
