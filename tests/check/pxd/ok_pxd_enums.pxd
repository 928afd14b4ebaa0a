# Enums of an augmenting .pxd (ok_pxd_enums.pyx): their types and values are
# names of the module.
cdef enum course:
    starter, main = 5, dessert
ctypedef enum sign:
    minus = -1, zero, plus
cdef enum:
    PORTIONS = 4

cdef struct plate:
    int grams
    course kind

cpdef course pick(int n)
