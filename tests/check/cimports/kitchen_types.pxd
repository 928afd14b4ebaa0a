# C types only, cimported by ok_/fail_cimported_pxd_types.pyx (no .pyxd).
ctypedef double grams_t

cdef struct ladle:
    int holes
    grams_t weight

ctypedef struct pot:
    ladle tool
    int litres

cdef union reading:
    int whole
    double exact
