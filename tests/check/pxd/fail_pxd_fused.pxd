# Declarations with fused types (fail_pxd_fused.pyx): each types a definition
# of the module, which is then specialised for the fused type's members.
ctypedef fused number:
    int
    double

cpdef number twice(number x)
cdef number half(number x) nogil
