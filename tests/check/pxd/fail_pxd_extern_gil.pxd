# Extern functions declared without `nogil` need the GIL, as in Cython.
cdef extern from "math.h":
    double _sqrt "sqrt" (double x)  # expected-note: `_sqrt` is declared here without `nogil`
    cpdef double floor(double x)  # expected-note: `floor` is declared here
cdef extern from "stdlib.h":
    void *malloc(size_t n)  # expected-note: `malloc` is declared here without `nogil`
    void free(void *p) nogil
