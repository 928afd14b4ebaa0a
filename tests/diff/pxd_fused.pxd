# Fused types of pxd_fused.pyx (plain Python ignores this file: the module
# spells the same types with cython.fused_type when it is not compiled).
cimport cython

ctypedef fused number:
    int
    double

ctypedef fused real:
    float
    double

cdef class Scale:
    cdef double factor
