# A memoryview parameter the body binds again is a variable of its own: a new
# buffer (`out = array(...)` when None was passed), a slice of itself, in GIL
# and nogil code. The caller's view is not changed by it.
import cython
import typing
from array import array


def fill(src: cython.int[:], out: typing.Optional[cython.int[:]] = None):
    if out is None:
        out = array("i", [0] * len(src))
    for i in range(len(src)):
        out[i] = src[i] * 2
    return list(out)


@cython.cfunc
@cython.nogil
def tail_sum(v: cython.double[:]) -> cython.double:
    total: cython.double = 0.0
    while len(v) > 0:
        total += v[0]
        v = v[1:]
    return total


def sum_by_shrinking(data):
    v: cython.double[:] = data
    with cython.nogil:
        total = tail_sum(v)
    return total, len(v)


def first_positive(v: cython.int[:]):
    while len(v) > 0 and v[0] <= 0:
        v = v[1:]
    return v[0] if len(v) > 0 else None
