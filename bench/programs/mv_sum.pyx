# The memoryview benchmark: the sum of a float64 array, in Cython's pure Python
# mode. pyxx builds this file as it is; the bench copies it to a .py file for
# Cython (the same text, so both compile identical source).
import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def sum_array(a: cython.double[:]) -> cython.double:
    total: cython.double = 0.0
    i: cython.Py_ssize_t
    with cython.nogil:
        for i in range(a.shape[0]):
            total += a[i]
    return total
