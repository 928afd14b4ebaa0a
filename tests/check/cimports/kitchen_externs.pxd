# Extern functions of standard headers in a .pxd without a .pyxd, cimported by
# ok_/fail_cimported_pxd_externs.pyx.
cdef extern from "math.h" nogil:
    double timer_root "sqrt" (double seconds)
cdef extern from "stdlib.h":
    int atoi(const char *text)
ctypedef double seconds_t
