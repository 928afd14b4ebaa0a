# Iterating over a typed memoryview, as Cython 3 does it: through the Python
# object the view makes, so each item is a Python object (an element of a 1-D
# view, a row of an N-D one), in `for` statements, comprehensions and
# generator expressions.
from typing import Optional

import cython


def items(v: cython.int[:]):
    out = []
    for x in v:
        out.append(x * 10**12)  # a Python int: no C overflow
    return out


def total(v: cython.double[:]):
    s = 0.0
    for x in v:
        s += x / 3
    return s


def as_c(v: cython.int[:]) -> cython.long:
    x: cython.short
    n: cython.long = 0
    for x in v:  # each item converted to the C type (OverflowError if it does not fit)
        n += x
    return n


def first_negative(v: cython.long[:]):
    for x in v:
        if x < 0:
            break
    else:
        return None
    return x


def rows(m: cython.int[:, :]):
    out = []
    for row in m:
        out.append([int(y) * 2 for y in row])
    return out


def pairs(m: cython.double[:, :]):
    return [a - b for a, b in m]


def flat(m: cython.int[:, :]):
    return [int(y) for row in m for y in row]


def comprehensions(v: cython.int[:]):
    return [x + 1 for x in v if x % 2], {x % 3 for x in v}, {x: x * x for x in v[::2]}, sum(x * 2 for x in v)


def writes_seen(v: cython.int[:]):
    out = []
    k: cython.Py_ssize_t = 0
    for x in v:
        if k + 1 < v.shape[0]:
            v[k + 1] += x
        out.append(x)
        k += 1
    return out


def rebinding(v: cython.int[:]):
    out = []
    for x in v:
        v = v[1:]
        out.append(x)
    return out, v.shape[0]


def maybe(v: Optional[cython.double[:]] = None):
    n = 0.0
    for x in v:
        n += x
    return n


def column_items(m: cython.double[:, :], j: cython.Py_ssize_t):
    return [x for x in m[:, j]]
