# The fused type fail_pxd_fused_redefined.pyx defines again.
ctypedef fused number:
    int
    double
