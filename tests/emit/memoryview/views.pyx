import cython


@cython.cfunc
@cython.nogil
def total(v: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(v.shape[0]):
        s += v[i]
    return s


@cython.boundscheck(False)
@cython.wraparound(False)
def scale(m: cython.float[:, ::1], factor: cython.float) -> cython.void:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] *= factor


def summed(v: cython.double[:]) -> cython.double:
    with cython.nogil:
        s = total(v)
    return s + v[-1] + len(v)
