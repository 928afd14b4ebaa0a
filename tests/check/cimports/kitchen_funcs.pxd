# Not only C types: a .pxd without a .pyxd whose function cannot be cimported.
cdef struct lid:
    int size

cdef int boil(int minutes)
