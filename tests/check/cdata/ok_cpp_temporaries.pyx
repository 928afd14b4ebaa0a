# Methods and `[i]` of C++ values that are no variable: a new string (`a + b`,
# `string(p)`), the vector or string a cfunc or ccall returns; without the GIL too.
# expected-no-diagnostics
import cython
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def squares(n: cython.int) -> vector[cython.long]:
    out = vector[cython.long]()
    i: cython.long
    for i in range(n):
        out.push_back(i * i)
    return out


@cython.ccall
def greeting(name: string) -> string:
    return b"hi " + name


@cython.cfunc
@cython.nogil
def lengths(a: string, b: string) -> cython.size_t:
    return (a + b).size() + (a + b"!").length() + string(b"xyz").find(b"z") + squares(3).size()


def values(a: string):
    last = squares(4)[3]
    squares(2).push_back(7)
    return last, greeting(a).size(), greeting(a)[0], (a + a).substr(1), squares(5).at(4)
