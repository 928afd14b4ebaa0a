# Extern blocks of standard headers, bound to pyxx's declarations of their functions.
cdef extern from "math.h":
    cpdef double sin(double x)
    cpdef double _hypot "hypot" (double, double)
    double cos(double x) nogil
cdef extern from "<math.h>" nogil:
    double _sqrt "sqrt" (double x)
    double fabs(double)
cdef extern from "string.h" nogil:
    size_t strlen(const char *s)
    void *memset(void *p, int c, size_t n) noexcept
cdef extern from "stdlib.h":
    pass
