# Everything an augmenting .pxd may declare, folded into ok_pxd_declarations.pyx.
cimport cython
from libc.math cimport sqrt

ctypedef unsigned long count_t
ctypedef double* double_ptr

cdef struct Pair:
    double first
    double second

ctypedef struct Span:
    int lo, hi

cdef count_t calls

cpdef int add(int x, int y=*)
cdef inline double half(double value) nogil
cdef int checked_div(int a, int b) except? -1
cdef void fill(double* out, int n) noexcept nogil
cdef Pair make_pair(double a, double b)

@cython.locals(total=cython.double, i=cython.int)
cpdef double mean(list values)

cdef class Shape:
    """A shape with a scale."""
    cdef public double scale
    cdef readonly int sides
    cdef object tag
    cpdef double area(self)
    cdef int _count(self)

@cython.final
cdef class Square(Shape):
    cdef public double side
    cpdef double area(self)
