# `for k, v in m` over a C++ map: each pair unpacked into the two variables (as
# Cython unpacks it), in key order; without the GIL when both are C variables.
import cython
from cython.cimports.libcpp.map import map
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.unordered_map import unordered_map


def squares(n: cython.int):
    m = map[cython.int, cython.long]()
    for i in range(n, 0, -1):
        m[i] = i * i
    out = []
    for k, v in m:
        out.append((k, v))
    return out


@cython.cfunc
@cython.nogil
def weighted_sum(m: map[cython.int, cython.double]) -> cython.double:
    k: cython.int
    v: cython.double
    total: cython.double = 0
    for k, v in m:
        total += k * v
    return total


def weighted(d: dict):
    m = cython.declare(map[cython.int, cython.double], d)
    return weighted_sum(m)


def words(d: dict):
    m = cython.declare(map[string, cython.int], d)
    names = []
    for [word, count] in m:
        names.append(word * count)
    return names, word, count


def unordered_total(d: dict):
    m = cython.declare(unordered_map[cython.int, cython.int], d)
    keys = 0
    values = 0
    for key, value in m:
        keys += key
        values += value
    return keys, values
