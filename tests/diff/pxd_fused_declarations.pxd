# Declarations of pxd_fused_declarations.pyx that use fused types: each types
# a definition of the module that writes no types, which is then specialised
# for the fused types' members as if it were annotated with them.
cimport cython
from cython cimport floating

ctypedef fused number:
    int
    double

ctypedef fused real:
    float
    double

cpdef number twice(number x)
cdef real halve(real v) nogil
cpdef double mean(floating a, floating b)
cdef number clamp(number x, number low, number high)

cdef class Meter:
    cdef double total
    cdef real scaled(self, real v)
