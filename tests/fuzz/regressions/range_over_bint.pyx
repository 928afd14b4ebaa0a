# `for i in range(flag)` with a bint bound: the inferred counter was a bool,
# which C++17 cannot increment. It counts in ints, as Python does.
import cython


def count(n: cython.bint) -> cython.long:
    acc: cython.long = 0
    with cython.nogil:
        for i in range(n):
            acc += i + 1
    return acc
