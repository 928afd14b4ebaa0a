# The enums of enums.pyx: an unsigned one, a signed one, an anonymous one.
cdef enum course:
    starter, main = 5
ctypedef enum sign:
    minus = -2147483648, plus
cdef enum:
    PORTIONS = 4
