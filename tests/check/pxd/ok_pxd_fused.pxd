# A fused type of an augmenting .pxd, for the annotations of ok_pxd_fused.pyx.
ctypedef fused number:
    int
    double

cdef double scale
