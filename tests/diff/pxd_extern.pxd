# C functions of standard headers declared in extern blocks (plain Python
# ignores this file: pxd_extern.pyx imports Python's math module instead).
cdef extern from "math.h":
    cpdef double sin(double x)
    cpdef double _hypot "hypot" (double, double)
    cpdef double floor(double x)
    double cos(double x) nogil
cdef extern from "<math.h>" nogil:
    double _root "sqrt" (double x)
cdef extern from "string.h" nogil:
    size_t strlen(const char *s)
