cdef class Shelf:
    cpdef str label(tp)
    cpdef str named(tp)
