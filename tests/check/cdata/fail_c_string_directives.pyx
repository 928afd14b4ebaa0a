# cython: c_string_type=unicode, c_string_encoding=utf8
# The directives that would make C strings and C++ strings `str`: not compiled,
# so refused where they are written instead of ignored.
# expected-error@-3 PX301: the directive `c_string_type=unicode`
# expected-error@-4 PX301: the directive `c_string_encoding=utf8`
import cython
from cython.cimports.libcpp.string import string


def f(b: bytes):
    s: string = b
    return s
