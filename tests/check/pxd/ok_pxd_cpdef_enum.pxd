# The cpdef enums of ok_pxd_cpdef_enum.pyx.
cpdef enum glaze:
    'Finishes.'
    matte = 1
    gloss = 2
cpdef enum:
    KILNS = 3
