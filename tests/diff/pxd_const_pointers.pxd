# C functions of pxd_const_pointers.pyx taking pointers to const, in both C
# spellings.
cdef int count(const char* s, char c)
cdef long total(long const* p, int n) nogil
