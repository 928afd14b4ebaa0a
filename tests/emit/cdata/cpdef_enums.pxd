# The cpdef enums of cpdef_enums.pyx: a named one (an IntFlag class of the
# module) and an anonymous one (ints of the module).
cpdef enum glaze:
    "Finishes."
    matte = 1
    gloss = 2
cpdef enum:
    KILNS = 3
