# The article's original Cython spelling: answered with the pure-mode spelling.
cdef unsigned long fibonacci(unsigned long n) nogil:  # expected-error PX005
    return n

cimport cython  # expected-error PX005
from libc.math cimport sqrt  # expected-error PX005
