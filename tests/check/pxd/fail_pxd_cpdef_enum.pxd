# The cpdef enum fail_pxd_cpdef_enum.pyx misuses.
cpdef enum glaze:
    matte = 1
    gloss = 2
