# cython.view.array(..., mode="fortran"): Fortran-order memory (the first
# index varies fastest), bound to a Fortran-contiguous view, refused by a
# C-contiguous one; Cython's ValueError for any other mode.
import cython
from cython.view import array as cvarray


def table(rows: cython.Py_ssize_t, cols: cython.Py_ssize_t):
    arr = cvarray((rows, cols), cython.sizeof(cython.double), "d", mode="fortran")
    m: cython.double[::1, :] = arr
    with cython.nogil:
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                m[i, j] = i * 10 + j
    return arr


def cube(n: cython.int):
    arr = cvarray(shape=(2, 3, n), itemsize=4, format="i", mode="fortran")
    v: cython.int[:, :, :] = arr
    k: cython.int = 0
    for c in range(v.shape[2]):
        for b in range(v.shape[1]):
            for a in range(v.shape[0]):
                v[a, b, c] = k
                k += 1
    return arr


def as_c_contiguous(rows: cython.Py_ssize_t, cols: cython.Py_ssize_t):
    m: cython.double[:, ::1] = cvarray((rows, cols), 8, "d", mode="fortran")
    return m.shape[0] * m.shape[1]


def with_mode(mode):
    return cvarray((2,), 4, "i", mode=mode)
