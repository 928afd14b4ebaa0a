# Ranges of C integer expressions (check/value_ranges.cpp): `range=[lo, hi]`
# where narrower than the type, `no_overflow` on + - * and unary - whose exact
# result fits their type on every target (plain C++, no wrap-around helper).
import cython


def bounds(a: cython.double[:], x: list) -> cython.Py_ssize_t:
    n = a.shape[0]                  # [0, PY_SSIZE_T_MAX], bound once
    m: cython.Py_ssize_t = len(x)   # the same
    k = min(n, m) - 1               # no_overflow
    return k * 2                    # may overflow: the helper


def counters(stop: cython.int) -> cython.int:
    i: cython.int
    t: cython.int = 0
    for i in range(10, -1, -2):     # a step < 0: stop < i <= start, [0, 10]
        t = -i * 7
    for i in range(stop):           # [0, INT_MAX - 1]
        t = i + 1                   # no_overflow
    for i in range(stop):
        i = i * 2                   # rebound in the body: no range
        t = i + 1
    return t


def cycle() -> cython.int:
    c: cython.int = 0
    c = c + 1                       # bound twice: c's range is its type's
    return c - 1


def addressed() -> cython.int:
    j: cython.int
    p: cython.p_int = cython.address(j)
    t: cython.int = 0
    for j in range(5):
        p[0] = 2147483647
        t = j + 1                   # j's address is taken: no range
    return t
