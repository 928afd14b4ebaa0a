# C++ sets (libcpp.set, libcpp.unordered_set): declaration, the methods without
# iterators, `s.find(x) != s.end()`, iteration in order, nogil use, string
# elements, and the set conversions at the Python boundary.
import cython
from cython.cimports.libcpp.set import set as cpp_set
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.unordered_set import unordered_set
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def distinct_sorted(values: vector[cython.int]) -> vector[cython.int]:
    seen = cpp_set[cython.int]()
    x: cython.int
    for x in values:
        seen.insert(x)
    out = vector[cython.int]()
    for x in seen:
        out.push_back(x)
    return out


def distinct(items):
    v = cython.declare(vector[cython.int], items)
    with cython.nogil:
        out = distinct_sorted(v)
    return out


def methods(k: cython.int):
    s = cython.declare(cpp_set[cython.long], [5, 1, 3])
    out = [s.count(k), s.find(k) != s.end(), s.find(k) == s.end(), s.size(), s.empty(), len(s)]
    s.insert(k)
    s.insert(k)
    out.append(s.size())
    out.append(s.erase(k))
    out.append(s.erase(k))
    order = []
    for x in s:
        order.append(x)
    out.append(order)
    s.clear()
    out.append(s.empty())
    return out


def floats():
    s = cpp_set[cython.double]()
    s.insert(2.5)
    s.insert(-1.0)
    s.insert(0.0)
    s.insert(-0.0)  # the same element as 0.0
    order = []
    for x in s:
        order.append(x)
    return order, s.size()


def words(text: bytes):
    s = unordered_set[string]()
    for w in text.split():
        s.insert(w)
    back: set = s
    return sorted(back), s.count(b"b"), s.find(b"z") == s.end()


def swapped():
    a = cython.declare(cpp_set[cython.int], [1])
    b = cython.declare(cpp_set[cython.int], (2, 3))
    a.swap(b)
    return a, b


def from_iterable(items):
    s = cython.declare(cpp_set[cython.int], items)
    return s


def boundary(s: unordered_set[cython.int]) -> cpp_set[cython.int]:
    out = cpp_set[cython.int]()
    for x in s:
        out.insert(x * 2)
    return out


@cython.cfunc
@cython.nogil
def tagged(s: cpp_set[string]) -> cpp_set[string]:
    s.insert(b"x")  # a bytes literal is a C string: no GIL needed
    s.insert(b"y")
    return s


def literals(items):
    s = cython.declare(cpp_set[string], items)
    with cython.nogil:
        t = tagged(s)
    back: set = t
    return sorted(back)
