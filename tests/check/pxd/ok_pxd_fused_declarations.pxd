# Declarations with fused types for ok_pxd_fused_declarations.pyx.
from cython cimport floating

ctypedef fused number:
    int
    double

cpdef number twice(number x)
cdef floating half(floating x) nogil
