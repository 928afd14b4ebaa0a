# Enums of a declarations-only .pxd: a named enum with given and implicit
# values, a ctypedef enum with a negative value, an anonymous enum.
cdef enum heat:
    low
    medium = 5
    high

ctypedef enum tilt:
    left = -1, level, right

cdef enum:
    BURNERS = 4

cdef struct stove:
    heat setting
    int burners
