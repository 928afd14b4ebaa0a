# Declarations the definitions of fail_pxd_mismatch.pyx do not match.
cpdef int defaults(int x, int y=*)
cpdef int renamed(int x, int y)
cpdef int fewer(int x, int y)
cdef double retyped(double a)
cpdef int returns_other(int a)
cdef int kind(int a)
cpdef double same_spelling(double a)
cdef double missing(double a)  # expected-error PX124: function `missing` is declared here but not defined
cdef class Base:
    cpdef int method(self, int a)
    cpdef int absent(self)  # expected-error PX124: method `Base.absent` is declared here
cdef class Derived(Base):
    pass
cpdef int renamed(int x, int y)  # expected-error PX124: `renamed` is declared twice
