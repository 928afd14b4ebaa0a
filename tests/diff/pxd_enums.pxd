# C enums for pxd_enums.pyx (plain Python ignores this file: the module
# defines the same values as Python ints when it is not compiled).
cdef enum course:
    starter, main = 5, dessert
ctypedef enum sign:
    minus = -1, zero, plus
cdef enum:
    PORTIONS = 4
    SPARE = 0x10

cdef struct plate:
    int grams
    course kind
