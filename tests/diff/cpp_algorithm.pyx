# libcpp.algorithm over vectors (begin()/end() and offsets) and pointers:
# sort, stable_sort, partial_sort, nth_element, reverse, fill, with and
# without the GIL; NaN ordered after every number; a reversed range refused.
import cython
from cython.cimports.libc.stdlib import malloc, free
from cython.cimports.libcpp.algorithm import fill, nth_element, partial_sort, reverse, sort, stable_sort
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


def sorted_vector(items):
    v = cython.declare(vector[cython.double], items)
    with cython.nogil:
        sort(v.begin(), v.end())
    return v


def sorted_tail(items, k: cython.int):
    v = cython.declare(vector[cython.long], items)
    stable_sort(v.begin() + k, v.end())
    return v


def smallest(items, k: cython.int):
    v = cython.declare(vector[cython.int], items)
    partial_sort(v.begin(), v.begin() + k, v.end())
    return [v[i] for i in range(k)]


def median(items):
    n: cython.Py_ssize_t = len(items)
    p = cython.cast(cython.p_double, malloc(cython.sizeof(cython.double) * n))
    i: cython.Py_ssize_t
    for i in range(n):
        p[i] = items[i]
    mid = p + n // 2
    with cython.nogil:
        nth_element(p, mid, p + n)
    result = mid[0]
    free(p)
    return result


def reversed_and_filled(n: cython.int):
    v = vector[cython.int]()
    i: cython.int
    for i in range(n):
        v.push_back(i)
    reverse(v.begin(), v.end())
    w: vector[cython.int] = v
    fill(w.begin() + 1, w.end() - 1, -7)
    return v, w


def words(items):
    v = cython.declare(vector[string], items)
    sort(v.begin(), v.end())
    return v


def backwards(items):
    v = cython.declare(vector[cython.int], items)
    sort(v.end(), v.begin())
    return v


def array_reversed():
    a: cython.int[5] = [1, 2, 3, 4, 5]
    reverse(a, a + 5)
    return a
