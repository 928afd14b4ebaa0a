# cython.view.array: a new zero-filled array bound to a typed memoryview,
# written and read through it, returned to Python; Cython's checks on the shape.
import cython
from cython.view import array as cvarray


def squares(n: cython.Py_ssize_t):
    arr = cvarray(shape=(n,), itemsize=cython.sizeof(cython.int), format="i")
    v: cython.int[:] = arr
    for i in range(n):
        v[i] = i * i
    return arr


def table(rows: cython.int, cols: cython.int):
    m: cython.double[:, :] = cython.view.array((rows, cols), 8, "d")
    with cython.nogil:
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                m[i, j] = i + j / 10.0
    return m


def bad_shape(shape):
    return cvarray(shape, 4, "i")
