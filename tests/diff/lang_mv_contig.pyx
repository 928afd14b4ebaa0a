# C-contiguous memoryviews: cython.double[::1] and cython.float[:, ::1], used
# together with a strided cython.double[:] view of the same data.
import cython


def dot(a: cython.double[::1], b: cython.double[::1]) -> cython.double:
    if a.shape[0] != b.shape[0]:
        raise ValueError("length mismatch")
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


def strided_sum(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def matvec(m: cython.float[:, ::1], x: cython.double[::1], y: cython.double[::1]) -> cython.void:
    acc: cython.double
    for i in range(m.shape[0]):
        acc = 0.0
        for j in range(m.shape[1]):
            acc += m[i, j] * x[j]
        y[i] = acc


def scale_rows(m: cython.float[:, ::1], f: cython.float) -> cython.int:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = m[i, j] * f
    return m.shape[0] * m.shape[1]


def last_of_last(m: cython.float[:, ::1]) -> cython.float:
    return m[-1, -1]
