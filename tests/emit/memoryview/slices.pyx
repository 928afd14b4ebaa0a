import cython


@cython.cfunc
@cython.nogil
def first(v: cython.double[:]) -> cython.double:
    return v[0]


def locals_and_slices(arr, j: cython.Py_ssize_t, step: cython.Py_ssize_t):
    m: cython.double[:, :] = arr
    col = m[:, j]
    with cython.nogil:
        x = first(col[1:-1:step]) + first(m[0]) + m[1:][0, 0] + m.shape[-1] + m.size
    return m.shape, m[::-1, 2:], x


def copies(m: cython.double[:, :], f: cython.float[::1, :]):
    c = m.copy()
    g = f.copy_fortran()
    return c[0, 0] + g[0, 0]


def new_array(n: cython.int):
    return cython.view.array(shape=(n, 2), itemsize=8, format="d")
