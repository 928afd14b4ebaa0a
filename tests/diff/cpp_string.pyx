# C++ strings (libcpp.string): construction, methods, indexing, `+`, comparisons,
# `.decode()` of a string and of its slice, nogil use, vector[string], and the
# bytes conversions at the Python boundary.
import cython
from cython.cimports.libcpp.string import string, npos
from cython.cimports.libcpp.vector import vector


def built():
    empty = string()
    a = string(b"abc\0def")  # a C string: up to its NUL, as Cython
    b = string(b"abc\0def", 6)  # with a count: NUL bytes included
    c = string(b)
    return empty, a, b, c, a.size(), b.length(), empty.empty(), b.empty(), len(b)


def edited(n: cython.int):
    s = string(b"hello")
    s.append(b" world")
    s.append(string(b"!"))
    s.push_back(63)
    s[0] = 72
    s[n] += 1
    first: cython.char = s[0]
    s.pop_back()
    return s, first, s.front(), s.back(), s.at(n)


def checked(which: cython.int, i: cython.int):
    s = string(b"xy")
    e = string()
    if which == 0:
        return s.at(i)
    if which == 1:
        return e.back()
    if which == 2:
        return e.front()
    e.pop_back()
    return None


def pieces(pos: cython.int, n: cython.int):
    s = string(b"abcabc")
    return s.substr(pos), s.substr(pos, n), s.find(b"bc"), s.find(b"bc", pos), s.rfind(b"bc"), s.find(b"zz") == npos


def joined(left, right):
    a = cython.declare(string, left)
    b = cython.declare(string, right)
    c = a + b
    d = a + b"-" + b
    return c, d, a == b, a != b, a < b, a <= b, a > b, a >= b


def sized(n: cython.int):
    s = string(b"ab")
    s.resize(n)
    s.reserve(10)
    t = string(b"zz")
    t.swap(s)
    s.clear()
    return s, t, t.size(), s.empty()


def decoded(start: cython.int, stop: cython.int):
    s = string(b"caf\xc3\xa9 au lait")
    return (s.decode("utf-8"), s[2:-2].decode("latin-1"), s[start:stop].decode("utf-8", "replace"),
            s[start:].decode("latin-1"), s[:stop].decode("latin-1"), s.c_str()[0:3].decode("ascii"))


@cython.cfunc
@cython.nogil
def letters(n: cython.int) -> string:
    s = string()
    i: cython.int
    for i in range(n):
        s.push_back(97 + i)
    s.append(b"!")
    return s


@cython.cfunc
@cython.nogil
def labels(n: cython.int) -> vector[string]:
    out = vector[string]()
    i: cython.int
    for i in range(n):
        out.push_back(letters(i) + b"|")
    return out


def without_gil(n: cython.int):
    with cython.nogil:
        s = letters(n)
        v = labels(n)
        k = s.find(b"c")
    return s, v, k == npos


def bad_counts(which: cython.int):
    s = string(b"ab")
    if which == 0:
        s.reserve(-1)
    else:
        s.resize(-1)
    return s


def received(s: string):
    s.append(b"+")
    return s


def as_bytes(b: bytes) -> string:
    s: string = b
    return s


def from_object(o):
    s: string = o
    return s.size()


def listed(items):
    v = cython.declare(vector[string], items)
    return v, v.size()
