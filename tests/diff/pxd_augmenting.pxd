# The declarations that make pxd_augmenting.pyx a typed module when compiled
# (plain Python ignores this file, as CPython does).
cimport cython

cpdef int add(int x, int y=*)
cdef double _half(double value) nogil
cdef int checked_div(int a, int b) except? -1
cdef long calls

@cython.locals(acc=cython.long, i=cython.int)
cpdef long total(list values)

cdef class Account:
    """A balance and its owner."""
    cdef public double balance
    cdef readonly str owner
    cdef int _moves
    cpdef double deposit(self, double amount)
    cdef int _count(self)

cdef class Savings(Account):
    cdef public double rate
    cpdef double deposit(self, double amount)
