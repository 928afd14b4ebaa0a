# cpdef enums for pxd_cpdef_enums.pyx: C constants of the module and, as
# Cython 3 makes them, Python objects of it (an IntFlag class for a named
# enum, ints for an anonymous one's values).
cpdef enum glaze:
    "Finishes of a pot."
    matte = 1
    gloss = 2
    crackle = 4
    satin = 6

cpdef enum:
    KILNS = 3
    SHELVES = 12

cdef enum firing:
    bisque, raku = 5, stoneware

cdef struct pot:
    int grams
    glaze finish
