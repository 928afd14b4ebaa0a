# C++ strings: what pyxx (and Cython) refuses, each with its reason.
import cython
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector

Holder = cython.struct(name=string)  # expected-error PX113: a struct field cannot be `string`
shared = cython.declare(string)  # expected-error PX304: a module-level C variable of a C++ `string`


@cython.cclass
class Box:
    name = cython.declare(string, visibility="readonly")  # expected-error PX304: a public or readonly field of type `string` in an extension type


def types():
    p: cython.pointer(string)  # expected-error PX304: a pointer to `string`
    a = cython.declare(string[2])  # expected-error PX304: a C array of `string`
    return a


def conversions(text: str, n: cython.int):
    s: string = text  # expected-error PX103: cannot convert a Python `str` to `string`
    t: string = "abc"  # expected-error PX103: cannot convert a Python `str` to `string`
    u: string = n  # expected-error PX103: cannot convert `cython.int` to `string`
    p: cython.p_char = s  # expected-error PX103: cannot convert `string` to `cython.pointer(cython.char)`
    d: dict = s  # expected-error PX103: cannot convert `string` to a Python `dict`
    return u, p, d


def methods(s: string, o: object):
    s.insert(0, b"x")  # expected-error PX302: the method `.insert()` of a C++ `string`
    s.append(o)  # expected-error PX103: cannot convert a Python object to a C++ `string` or a C string
    s.append("x")  # expected-error PX103: cannot convert `str` to a C string (write a `bytes` literal)
    s.substr()  # expected-error PX104: `s.substr` takes 1 to 2 arguments but 0 were given
    s.at(1.5)  # expected-error PX103: cannot convert `cython.double` to a C integer
    n = s.upper()  # expected-error PX302: the method `.upper()` of a C++ `string`
    return (s + s).c_str()  # expected-error PX302: `.c_str()` of a string that is not a variable (the pointer would outlive it


def operators(s: string, o: object, p: cython.p_char):
    a = s + o  # expected-error PX111: operator `+` cannot be applied to `string` and a Python object
    b = s * 2  # expected-error PX111: operator `*` cannot be applied to `string` and `cython.long`
    c = s < p  # expected-error PX111: operator `comparison` cannot be applied to `string` and `cython.pointer(cython.char)`
    d = s in s  # expected-error PX111
    e = s[1:3]  # expected-error PX302: a slice only before `.decode(...)`
    if s:  # expected-error PX111: operator `truth test` cannot be applied to `string`
        pass
    for ch in s:  # expected-error PX111
        pass
    return a, b, c, d, e


def without_gil(s: string, b: bytes):
    o: object = None
    with cython.nogil:
        o = s  # expected-error PX201
        s = b  # expected-error PX201
        x = s[0:2].decode("ascii")  # expected-error PX202
    return o


def captured(s: string):  # expected-error PX304: the C++ string `s` used by a nested function or lambda
    def inner():
        return s
    return inner
