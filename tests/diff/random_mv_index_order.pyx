# Found by tests/random: Python evaluates every index of `m[i, j]` before it
# checks any; pyxx checked the first index (IndexError) before it evaluated a
# second index that calls a function or raises (ZeroDivisionError).
import cython

LOG = []


@cython.cfunc
def logged(tag: cython.int, x: cython.long) -> cython.long:
    LOG.append(tag)
    return x


def store_logged(m: cython.double[:, :], i: cython.int, x: cython.double) -> cython.double:
    m[i, logged(1, 0)] = x
    return m[0, 0]


def store_raising(m: cython.double[:, :], i: cython.int, d: cython.int) -> cython.double:
    m[i, 10 // d] = 2.5
    return m[0, 0]


def read_logged(m: cython.double[:, :], i: cython.int) -> cython.double:
    return m[i, logged(2, 1)]


def read_both_raise(m: cython.double[:, :], a: cython.int, d: cython.int) -> cython.double:
    return m[a // d, logged(3, 10 // d)]


def read_nogil(m: cython.double[:, :], i: cython.int, d: cython.int) -> cython.double:
    r: cython.double = 0.0
    with cython.nogil:
        r = m[i, 1 // d]
    return r
