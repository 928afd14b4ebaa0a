# An extern function's name is taken: nothing else of the .pxd may declare it.
cdef extern from "math.h":
    double sin(double x)
    cpdef double cos(double x)
cdef double sin(double x)  # expected-error PX124: `sin` is declared twice
cdef double cos  # expected-error PX124: `cos` is declared twice
ctypedef int sin  # expected-error PX124: `sin` is declared twice
