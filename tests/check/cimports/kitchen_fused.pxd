# A fused type only, cimported by ok_/fail_cimported_pxd_fused.pyx (no .pyxd).
ctypedef fused amount:
    int
    double
