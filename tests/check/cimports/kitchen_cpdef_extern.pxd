# A `cpdef` extern function: its Python wrapper would belong to a module this .pxd does not have.
cdef extern from "math.h":
    cpdef double ceil(double x)
