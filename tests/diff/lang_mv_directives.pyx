# @cython.boundscheck(False) and @cython.wraparound(False): the same loops
# as checked code, on in-range indices, give the same results.
import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def fast_sum(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@cython.boundscheck(False)
def unchecked_last(a: cython.long[:]) -> cython.long:
    return a[-1]


@cython.wraparound(False)
def checked_at(a: cython.long[:], i: cython.Py_ssize_t) -> cython.long:
    return a[i]


@cython.boundscheck(False)
@cython.wraparound(False)
def prefix_sums(a: cython.long[:]) -> cython.void:
    for i in range(1, a.shape[0]):
        a[i] += a[i - 1]


@cython.cfunc
@cython.boundscheck(False)
@cython.wraparound(False)
def window_max(a: cython.long[:, :], r: cython.Py_ssize_t) -> cython.long:
    best: cython.long = a[r, 0]
    for j in range(1, a.shape[1]):
        if a[r, j] > best:
            best = a[r, j]
    return best


def row_maxima(a: cython.long[:, :]):
    out = []
    for r in range(a.shape[0]):
        out.append(window_max(a, r))
    return out
