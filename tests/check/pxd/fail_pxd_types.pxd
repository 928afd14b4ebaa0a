# The types fail_pxd_types.pyx gets from here are checked in its code.
cdef int first(int* values)
cdef double _scale(double x) nogil
cdef double ratio

cdef class Counter:
    cdef int* slot
    cpdef int bump(self, int by=*)
