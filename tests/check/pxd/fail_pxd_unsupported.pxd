# Constructs of Cython's .pxd language an augmenting file may hold but pyxx
# does not read: each is refused at its line, none is ignored.
cdef extern from "geometry.h":  # expected-error PX123: `cdef extern from "geometry.h"`
    double area(double x)
cpdef enum class Colour:  # expected-error PX123: `cpdef enum class`
    red, green
cpdef enum Signed:  # expected-error PX123: a negative value
    below = -1, above
cdef enum Shade:
    light = 1 << 2  # expected-error PX123: the enum value `light = 1 << 2`
cdef enum Hue:
    warm = 010  # expected-error PX123: the enum value `warm = 010`
    cold = 2147483648  # expected-error PX123: must fit an int
cdef enum Tone:
    dark
    dark  # expected-error PX123: a second enum value `dark`
ctypedef enum:  # expected-error PX123: `ctypedef enum :`
    nameless
cdef enum Empty:  # expected-error PX123: an enum without values
    pass
ctypedef fused number:
    int, double  # expected-error PX123: the fused type member `int, double`
ctypedef fused:  # expected-error PX123: `ctypedef fused :`
    int
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
