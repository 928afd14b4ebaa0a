# Copies between views, filling a view, `...`, `.T`, and views that may be None.
import cython
from typing import Optional


@cython.cfunc
@cython.nogil
def stores(m: cython.double[:, ::1], n: cython.double[:, :], x: cython.double) -> cython.void:
    m[...] = n
    m[:, 0] = n[..., 1]
    n[:] = x
    m[...] = m.T


def maybe(v: Optional[cython.int[:]] = None) -> cython.int:
    if v is None:
        return -1
    return v[0]
