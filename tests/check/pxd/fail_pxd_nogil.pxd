# The .pxd decides whether a function may be called without the GIL (as in
# Cython): fail_pxd_nogil.pyx cannot add it in the definition.
cdef double scaled(double x)  # expected-note: `scaled` is declared here
cdef double shifted(double x)  # expected-note: `shifted` is declared here without `nogil`
cdef double logged(double x)  # expected-note: `logged` is declared here
cdef class Meter:
    cdef double reading(self)  # expected-note: `reading` is declared here
