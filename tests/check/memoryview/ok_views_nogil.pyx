# expected-no-diagnostics
# ok-for: PX201
# Memoryview slicing, indexing, geometry and view-to-view assignment need no GIL.
import cython


@cython.cfunc
@cython.nogil
def first(v: cython.double[:]) -> cython.double:
    return v[0]


@cython.cfunc
@cython.nogil
def kernel(m: cython.double[:, :], j: cython.Py_ssize_t) -> cython.double:
    col: cython.double[:] = m[:, j]
    row = m[1]
    back = row[::-1]
    col = back[1:-1:2]
    n: cython.Py_ssize_t = m.shape[0] + m.strides[1] + m.ndim + m.size + m.itemsize + m.nbytes + m.suboffsets[0]
    return first(col) + first(m[0, 1:]) + n


def entry(arr, j: cython.Py_ssize_t) -> cython.double:
    m: cython.double[:, :] = arr
    with cython.nogil:
        x = kernel(m, j)
        view = m[::2, :]
        x += view[0, 0]
    return x


@cython.cfunc
@cython.nogil
def stores(m: cython.double[:, ::1], n: cython.double[:, :]) -> cython.void:
    # Copies between views, filling, `...`, `.T` and None tests need no GIL either.
    m[...] = n
    m[:, 0] = n[:, 1]
    m[0] = 2.0
    n[..., 1:] = m.T[1:, 1:]
    if n is not None and not (m is None):
        m[1, ...] = n[0]


def iterate(m: cython.double[:, :]) -> cython.double:
    # Iterating needs the GIL (its items are Python objects); the loop body may release it.
    s: cython.double = 0.0
    x: cython.double
    for row in m:
        for x in row:
            with cython.nogil:
                s += x
    return s + sum([y for y in m[0]]) + sum(y for y in m[:, 0])


@cython.cfunc
@cython.nogil
@cython.nonecheck(True)
def checked(m: cython.double[:, :]) -> cython.double:
    # Cython's None checks raise without the GIL too.
    with cython.nonecheck(False):
        n = m.shape[0]
    return m[0, 0] + m.shape[1] + n
