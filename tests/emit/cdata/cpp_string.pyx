# C++ strings: std::string members where nothing can fail, the runtime's
# helpers where something can (MemoryError, IndexError, ValueError), C++'s
# own `s[i]` and comparisons, and the bytes conversions at the boundary.
import cython
from cython.cimports.libcpp.string import string, npos


@cython.cfunc
@cython.nogil
def tagged(s: string, p: cython.p_char) -> string:
    t = string(b"<")
    t.append(s)
    t.push_back(62)
    t[0] = t.at(1)
    if t.find(p) == npos and t < s:
        return t + b"?"
    return string(p, 2)


def shown(b: bytes, i: cython.int):
    s: string = b
    with cython.nogil:
        t = tagged(s, b"ab")
    return t, t.size(), t[i], t[1:-1].decode("ascii"), t.substr(1)
