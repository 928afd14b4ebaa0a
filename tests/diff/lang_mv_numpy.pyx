# Memoryviews over NumPy arrays: 2-D slicing (a column, a row, steps in both
# dimensions, negative steps), copy() and copy_fortran(), Fortran-contiguous
# views checked at the boundary, views handed to NumPy as Python objects.
import cython
import numpy as np


@cython.cfunc
@cython.nogil
def vsum(v: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(v.shape[0]):
        s += v[i]
    return s


def columns(m: cython.double[:, :]):
    out = []
    for j in range(m.shape[1]):
        out.append(vsum(m[:, j]))
    return out


def rows_nogil(m: cython.double[:, :]) -> cython.double:
    s: cython.double = 0.0
    with cython.nogil:
        for i in range(m.shape[0]):
            s += vsum(m[i]) * (i + 1)
    return s


def sub(m: cython.double[:, :], r0: cython.Py_ssize_t, c0: cython.Py_ssize_t, step: cython.Py_ssize_t):
    part = m[r0::step, c0:]
    return np.asarray(part).tolist(), part.shape, part.size


def reversed_both(m: cython.double[:, :]):
    return np.asarray(m[::-1, ::-1]).tolist()


def copies(m: cython.double[:, :]):
    c = m.copy()
    c[0, 0] = -1.0
    return m[0, 0], np.asarray(c).tolist(), np.asarray(c).flags.c_contiguous, c.strides


def fortran_copy(m: cython.double[:, :]):
    f = m.copy_fortran()
    return np.asarray(f).tolist(), np.asarray(f).flags.f_contiguous


def fortran_sum(m: cython.double[::1, :]) -> cython.double:
    s: cython.double = 0.0
    for j in range(m.shape[1]):
        for i in range(m.shape[0]):
            s += m[i, j] * (i + 10 * j)
    return s


def fortran_local(arr) -> cython.double:
    m: cython.double[::1, :] = arr
    return m[m.shape[0] - 1, 0]


def to_numpy(m: cython.double[:, :]):
    a = np.asarray(m[1:, :])
    a[0, 0] = 100.0  # the same memory
    return a.shape, a.dtype.name, m[1, 0]
