# Iterating over a typed memoryview: an iterator over the items Cython iterates
# (elements of a 1-D view, rows of an N-D one), in a `for`, a comprehension and
# a generator expression; a view parameter the body rebinds is passed by value.
import cython


def rows(m: cython.int[:, :]):
    out = []
    for row in m:
        out.append(list(row))
    return out


def evens(v: cython.double[:]):
    return [x for x in v if x % 2 == 0], sum(x for x in v)


def tail_sum(v: cython.long[:]):
    s = 0
    while v.shape[0] > 0:
        s += v[0]
        v = v[1:]
    return s
