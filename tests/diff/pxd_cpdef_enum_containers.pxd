# A cpdef enum for pxd_cpdef_enum_containers.pyx, whose values reach Python
# inside C tuples, structs and C++ containers.
cpdef enum glaze:
    matte = 1
    gloss = 2
    crackle = 4

cdef struct pot:
    int grams
    glaze finish
