# libcpp.algorithm: ranges of a vector (begin()/end() and offsets), of a
# pointer and of a C array, with and without the GIL.
# expected-no-diagnostics
import cython
from cython.cimports.libcpp.algorithm import fill, nth_element, partial_sort, reverse, sort, stable_sort
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def arrange(v: vector[cython.double], p: cython.p_long, n: cython.int) -> vector[cython.double]:
    sort(v.begin(), v.end())
    stable_sort(p, p + n)
    partial_sort(p, p + n // 2, p + n)
    nth_element(v.begin(), v.begin() + n, v.end() - 1)
    reverse(v.begin() + 1, v.end())
    fill(p, p + n, 0)
    return v


def named(names: vector[string]):
    a: cython.int[4] = [4, 3, 2, 1]
    sort(names.begin(), names.end())
    sort(a, a + 4)
    fill(names.begin(), names.end(), string(b"x"))
    return names, a
