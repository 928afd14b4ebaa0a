# A None memoryview under @cython.nonecheck(True) (Cython's TypeError for
# indexing, AttributeError for attributes), and without it (an IndexError
# under bounds checking, as Cython; a TypeError where nothing would stop the
# access: pyxx never reads a None view's memory).
from typing import Optional

import cython


@cython.nonecheck(True)
def index_checked(v: Optional[cython.double[:]]):
    return v[0]


@cython.nonecheck(True)
def store_checked(v: Optional[cython.double[:]]):
    v[-1] = 7.0
    return v[-1]


@cython.nonecheck(True)
def shape_checked(m: Optional[cython.double[:, :]]):
    return m.shape[1]


@cython.nonecheck(True)
def ndim_checked(m: Optional[cython.double[:, :]]):
    return m.ndim


@cython.nonecheck(True)
def transpose_checked(m: Optional[cython.double[:, :]]):
    t = m.T
    return t[0, 1]


def with_block(m: Optional[cython.double[:, :]]):
    with cython.nonecheck(True):
        n = m.shape[0]
    return n


def index_unchecked(v: Optional[cython.double[:]]):
    return v[0]


def shape_unchecked(v: Optional[cython.double[:]]):
    return v.shape[0]


@cython.boundscheck(False)
@cython.wraparound(False)
def index_no_bounds(v: Optional[cython.double[:]]):
    return v[0]


@cython.cfunc
@cython.nogil
@cython.boundscheck(False)
def first(v: cython.double[:]) -> cython.double:
    return v[0]


def first_nogil(data):
    v: cython.double[:] = data
    with cython.nogil:
        x = first(v)
    return x
