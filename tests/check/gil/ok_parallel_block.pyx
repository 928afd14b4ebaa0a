# `with cython.nogil, parallel():` and `parallel(num_threads=n)` inside a
# nogil block or function.
# expected-no-diagnostics
import cython
from cython.parallel import parallel, prange


@cython.cfunc
@cython.nogil
def in_nogil_function(n: cython.int) -> cython.long:
    total: cython.long = 0
    with parallel(num_threads=2):
        for i in prange(n):
            total += i
    return total


def in_block(n: cython.int) -> cython.long:
    total: cython.long = 0
    with cython.nogil, parallel():
        for i in prange(n):
            total += i * i
        total += in_nogil_function(n)
    return total
