# A fused type used by a declaration of the .pxd (fail_pxd_fused.pyx).
ctypedef fused number:
    int
    double

cpdef number twice(number x)  # expected-error PX123: a declaration of `twice` with the fused type `number`
