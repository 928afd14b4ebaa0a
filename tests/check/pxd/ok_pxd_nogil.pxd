# `nogil` in the .pxd: the definitions in ok_pxd_nogil.pyx may repeat it or not.
cdef double scaled(double x) nogil
cdef double shifted(double x) nogil
cdef double reported(double x) with gil
cdef double traced(double x) nogil
