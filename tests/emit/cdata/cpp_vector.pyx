# C++ vectors: the std::vector members where nothing can fail, the runtime's
# helpers where something can (MemoryError, IndexError), an index loop for
# `for x in v`, and the list / iterable conversions at the boundary.
import cython
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def squares(n: cython.int) -> vector[cython.long]:
    out = vector[cython.long]()
    out.reserve(n)
    i: cython.int
    for i in range(n):
        out.push_back(i * i)
    return out


def total(v: vector[cython.long]) -> cython.long:
    s: cython.long = 0
    with cython.nogil:
        for x in v:
            s += x
        s += v[0] + v.at(1) + v.back() + len(v)
    return s


def make(n: cython.int):
    v = vector[cython.double](n, 0.5)
    v.resize(n + 1)
    v.pop_back()
    return v, squares(n)
