cdef class Shelf:
    cpdef str label(tp)
    cpdef int size(self, int n)

cdef class Rack(Shelf):
    cpdef str label(tp)
