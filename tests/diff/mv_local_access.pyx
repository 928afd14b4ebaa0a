# Local views bound once read and write their elements through a ViewAccess
# (their data pointer and strides copied after the binding); the results,
# errors and buffer contents are those of the View.
import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def sieve(obj) -> cython.int:
    flags: cython.uchar[::1] = obj
    n: cython.Py_ssize_t = flags.shape[0]
    count: cython.int = 0
    i: cython.Py_ssize_t
    j: cython.Py_ssize_t
    for i in range(2, n):
        if flags[i]:
            count += 1
            j = i * i
            while j < n:
                flags[j] = 0
                j += i
    return count


def checked_sum(obj, k: cython.Py_ssize_t) -> cython.double:
    # Bounds-checked and wrapped: an index past the end is an IndexError, -1 the last element.
    v: cython.double[:] = obj
    s: cython.double = v[k]
    for i in range(v.shape[0]):
        s += v[i]
    return s


def strided_2d(obj) -> cython.double:
    m: cython.double[:, :] = obj
    s: cython.double = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * (i + 1)
    return s

