# Views that may be None: `Optional[...]` and `= None` parameters, locals bound
# to None, `is None` / `is not None` (also without the GIL), and what a None
# view does when it is used (Cython's errors).
import cython
from typing import Optional


def describe(v: Optional[cython.double[:]] = None):
    if v is None:
        return "none"
    return v[0]


def default_none(v: cython.double[:] = None):
    return v is None, None is not v


def strict(v: cython.double[:]):
    return v.shape[0]


def local_none(flag: cython.bint, data):
    w: cython.double[:] = None
    if flag:
        w = data
    if w is None:
        return -1.0
    return w[0]


@cython.cfunc
@cython.nogil
def count(v: Optional[cython.int[:]]) -> cython.Py_ssize_t:
    if v is None:
        return -1
    return v.shape[0]


def count_nogil(data):
    v: Optional[cython.int[:]] = data
    with cython.nogil:
        n = count(v)
    return n


def slice_none(v: Optional[cython.double[:]] = None):
    return v[1:]


def index_none(v: Optional[cython.double[:]] = None):
    return v[0]


def assign_none(v: Optional[cython.double[:]] = None):
    v[...] = 1.0


def shape_of_none(v: Optional[cython.double[:, :]] = None):
    return v.shape[0], v.shape[1], v.ndim
