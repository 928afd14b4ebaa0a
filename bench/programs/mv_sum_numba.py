# The memoryview benchmark for Numba: the same loop as mv_sum.pyx. Numba types
# the argument from the NumPy array it receives on the first call.
from numba import njit


@njit(nogil=True)
def sum_array(a):
    total = 0.0
    for i in range(a.shape[0]):
        total += a[i]
    return total
