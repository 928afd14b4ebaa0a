# Memoryview element access without the GIL: inside `with nogil:` blocks and
# in @cython.nogil cfuncs that take a memoryview from their caller; an
# out-of-bounds index in released code still reaches Python as IndexError.
import cython


@cython.cfunc
@cython.nogil
def sum_sq(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


@cython.cfunc
@cython.nogil
def axpy(alpha: cython.double, x: cython.double[:], y: cython.double[:]) -> cython.void:
    for i in range(x.shape[0]):
        y[i] = alpha * x[i] + y[i]


def norm2(a: cython.double[:]) -> cython.double:
    with cython.nogil:
        r = sum_sq(a)
    return r


def axpy_py(alpha: cython.double, x: cython.double[:], y: cython.double[:]):
    with cython.nogil:
        axpy(alpha, x, y)
    return len(y)


def count_negative(m: cython.int[:, :]) -> cython.long:
    n: cython.long = 0
    with cython.nogil:
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                if m[i, j] < 0:
                    n += 1
    return n


def nogil_at(a: cython.int[:], i: cython.Py_ssize_t) -> cython.int:
    v: cython.int = 0
    with cython.nogil:
        v = a[i]
    return v


def nogil_store(a: cython.int[:], i: cython.Py_ssize_t, v: cython.int) -> cython.int:
    with cython.nogil:
        a[i] = v
        a[0] += 1
    return a[0]
