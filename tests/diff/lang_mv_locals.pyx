# Memoryview locals bound in a body: from an object with the buffer protocol,
# rebound to another object or view, assigned view to view in nogil code;
# 1-D slicing (clipping, negative and run-time steps) in GIL and nogil code;
# .shape/.strides/.ndim/.itemsize/.nbytes; a view returned as a Python object.
import cython


@cython.cfunc
@cython.nogil
def vsum(v: cython.int[:]) -> cython.long:
    s: cython.long = 0
    for i in range(v.shape[0]):
        s += v[i]
    return s


def total(arr) -> cython.double:
    v: cython.double[:] = arr
    s: cython.double = 0.0
    for i in range(v.shape[0]):
        s += v[i]
    return s


def rebind(a, b) -> cython.long:
    v: cython.int[:] = a
    n: cython.long = v[0]
    v = b
    n = n * 100 + v[0]
    w: cython.int[:] = v
    with cython.nogil:
        w = v[1:]
        n += w[-1] + w.shape[0]
    return n


def fill(a, x: cython.int):
    m: cython.int[:, :] = a
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = x + i * 10 + j
    return m.shape, m.strides, m.ndim, m.itemsize, m.nbytes


def slice_sums(a: cython.int[:]):
    return [vsum(a[1:-1]), vsum(a[::2]), vsum(a[::-1]), vsum(a[5:100]), vsum(a[-100:2]),
            vsum(a[3:1]), vsum(a[None:None:3]), a[::-2][0], a[1:][1:][1:].shape[0]]


def nogil_slices(a: cython.int[:], lo: cython.Py_ssize_t, hi: cython.Py_ssize_t, step: cython.Py_ssize_t):
    with cython.nogil:
        part = a[lo:hi:step]
        n = vsum(part) * 1000 + part.shape[0]
    return n


def write_through(a: cython.int[:]) -> cython.void:
    back = a[::-1]
    for i in range(back.shape[0]):
        back[i] = back[i] * 10 + i


def sliced_object(a: cython.int[:], lo: cython.Py_ssize_t, step: cython.Py_ssize_t):
    return a[lo::step]


def whole_view(arr):
    v: cython.double[:] = arr
    return v


def geometry(a: cython.long[:]):
    return a.shape, a.strides, a[::3].strides, a[::-2].shape, a.shape[-1], a.strides[0], a.ndim
