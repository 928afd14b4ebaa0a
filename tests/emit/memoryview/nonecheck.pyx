# @cython.nonecheck(True) checks a view for None before indexing and attribute
# access (Cython's errors); without it, boundscheck(False) indexing has no None
# check (a None view's extents are 0: no index is in range).
from typing import Optional

import cython


@cython.nonecheck(True)
def checked(m: Optional[cython.double[:, :]]):
    return m[0, 1] + m.shape[1] + m.T[0, 0]


@cython.cfunc
@cython.nogil
@cython.boundscheck(False)
@cython.wraparound(False)
def first(v: cython.double[:]) -> cython.double:
    return v[0]


def unchecked(v: Optional[cython.double[:]]):
    with cython.nogil:
        x = first(v)
    return x
