# Methods and `[i]` of C++ values that are no variable: a string made by `+`
# or `string(...)`, a vector or string a cfunc returns (held in a temporary
# until the end of the statement), with and without the GIL; a vector passed
# to and returned from cfuncs by value (the caller's copy stays as it was).
import cython
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def countdown(n: cython.int) -> vector[cython.int]:
    out = vector[cython.int]()
    while n > 0:
        out.push_back(n)
        n -= 1
    return out


@cython.cfunc
def label(n: cython.int) -> string:
    s = string(b"item-")
    s.push_back(48 + n)
    return s


@cython.cfunc
@cython.nogil
def doubled(v: vector[cython.int]) -> vector[cython.int]:
    i: cython.size_t
    for i in range(v.size()):
        v[i] *= 2
    return v


def sizes(a: bytes, b: bytes):
    x = cython.declare(string, a)
    y = cython.declare(string, b)
    return (x + y).size(), (x + b"!").find(b"!"), string(b"abc")[1], (x + y).substr(1, 2)


def from_calls(n: cython.int):
    return countdown(n).size(), countdown(n)[0], label(n).size(), label(n)[5], label(n).substr(0, 4)


def checked_at(n: cython.int):
    return countdown(n).at(n)


def without_gil(n: cython.int):
    with cython.nogil:
        k = countdown(n).size() + countdown(n).back()
    return k


def by_value(items):
    v = cython.declare(vector[cython.int], items)
    w = doubled(v)
    return v, w, doubled(doubled(v)).front()
