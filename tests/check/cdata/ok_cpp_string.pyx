# C++ strings: declared, built, changed and read with and without the GIL;
# converted from bytes and to bytes where the GIL is held.
# expected-no-diagnostics
import cython
from cython.cimports.libcpp.string import string, npos
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def words(n: cython.int) -> vector[string]:
    out = vector[string]()
    w = string(b"w")
    i: cython.int
    for i in range(n):
        w.push_back(48 + i)
        out.push_back(w + b"!")
    return out


@cython.cfunc
@cython.nogil
def scan(s: string, p: cython.p_char) -> cython.size_t:
    t = string(p)
    t.append(s)
    t.append(b"xyz")
    if t.find(b"xy") != npos and t < s:
        part = t.substr(1, 2)
        return part.size()
    t[0] = t.at(1)
    return t.length() + t.rfind(s, 3) + cython.cast(cython.size_t, t.c_str()[0])


def boundary(b: bytes, n: cython.int):
    s: string = b
    t = cython.declare(string, bytearray(b"abc"))
    with cython.nogil:
        k = scan(s, t.data())
        ws = words(n)
    return s, ws, k, s.decode("utf-8"), s[1:-1].decode("ascii"), f"{s}", [t], t == s
