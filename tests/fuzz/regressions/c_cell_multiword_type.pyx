# A C local of a multi-word C++ type (`unsigned long long`) captured by an
# inner function: its cell was initialised with `unsigned long long{}`, which
# is not C++.
import cython


def c_typed(n: cython.int):
    total: cython.ulonglong = 0

    def add(k):
        nonlocal total
        total += k * n

    add(2)
    return total
