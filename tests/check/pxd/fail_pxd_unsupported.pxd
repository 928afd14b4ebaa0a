# Constructs of Cython's .pxd language an augmenting file may hold but pyxx
# does not read: each is refused at its line, none is ignored.
cdef extern from "geometry.h":  # expected-error PX123: `cdef extern from "geometry.h"`
    double area(double x)
cdef enum Colour:  # expected-error PX123: `cdef enum`
    red, green
ctypedef fused number:  # expected-error PX123: `ctypedef fused`
    int
    double
DEF LIMIT = 10  # expected-error PX123: `DEF`
include "other.pxi"  # expected-error PX123: `include`
from other_module cimport helper  # expected-error PX123: a cimport from `other_module`
cdef int counter = 0  # expected-error PX123: a variable with a value
cdef public int exported  # expected-error PX123: a `cdef public` module variable
cdef struct Forward  # expected-error PX123: a struct declared without its fields
cdef struct Twice:
    int a
    int a  # expected-error PX123: a second field `a`
cdef class Holder:
    @staticmethod  # expected-error PX123: `@staticmethod`
    cdef int make()
    cdef int body(self):  # expected-error PX123: a function body
        return 1
    cdef int value
