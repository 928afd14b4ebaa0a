# `with parallel():` runs without the GIL, as Cython requires, and takes a C
# integer number of threads; its block follows the rules of nogil code.
import cython
from cython.parallel import parallel, prange


def with_gil_held(n: cython.int) -> cython.long:
    total: cython.long = 0
    with parallel():  # expected-error PX109: outside a block without the GIL
        for i in prange(n):
            total += i
    return total


def objects_inside(items: list, n: cython.int):
    with cython.nogil, parallel(num_threads=2.5):  # expected-error PX103: a C integer number of threads
        for i in prange(n):
            items.append(i)  # expected-error PX202
