# Assigning into views as a whole: a copy between views (`dst[...] = src`,
# `dst[:, 0] = src[:, 1]`), one value in every element (`dst[:] = 3`),
# broadcasting of leading and extent-1 dimensions, overlapping source and
# destination, `...` in subscripts, `.T`, and all of it without the GIL.
import cython


def copy_all(dst: cython.double[:, :], src: cython.double[:, :]):
    dst[...] = src


def copy_colon(dst: cython.double[:, :], src: cython.double[:, :]):
    dst[:] = src


def copy_column(dst: cython.double[:, :], src: cython.double[:, :]):
    dst[:, 0] = src[:, 1]


def fill(dst: cython.double[:, :], value: cython.double):
    dst[:] = value


def fill_row_nogil(dst: cython.int[:, :], i: cython.Py_ssize_t, value: cython.int):
    with cython.nogil:
        dst[i, :] = value
        dst[..., 0] = -1


def fill_object(dst: cython.long[:], value):
    dst[...] = value  # a Python object is one value for every element


def broadcast_row(dst: cython.double[:, :], row: cython.double[:]):
    dst[...] = row  # every row of dst gets `row`


def broadcast_extent_one(dst: cython.double[:, :], src: cython.double[:, :]):
    dst[:, :] = src  # src has one row: it is repeated


def shift_right(a: cython.int[:]):
    a[1:] = a[:-1]  # overlapping: as if a[:-1] were read first


def shift_left(a: cython.int[:]):
    a[:-1] = a[1:]


def reverse_in_place(a: cython.int[:]):
    a[:] = a[::-1]


def swap_halves_nogil(m: cython.int[:, :]):
    with cython.nogil:
        m[:, :] = m[::-1, :]


def transpose_into(dst: cython.double[:, :], src: cython.double[:, :]):
    dst[...] = src.T


def transposed(m: cython.double[:, ::1]):
    f: cython.double[::1, :] = m.T  # C-contiguous becomes Fortran-contiguous
    return f.shape[0], f.shape[1], f[0, 1], f.strides[0], f.strides[1]


def ellipsis_views(m: cython.int[:, :, :]):
    a = m[..., 0]
    b = m[1, ...]
    c = m[...]
    d = m[0, ..., 1]
    return a[1, 2], b[0, 1], c[1, 1, 1], d[2], a.shape, b.shape, d.shape


def mismatch(dst: cython.double[:], src: cython.double[:]):
    dst[:] = src


def strided_local(arr):
    v: cython.float[:, :] = arr
    v[::2, 1:] = 7.5
    v[1::2, :] = v[0:1, :]
    return v[1, 0], v[1, 1]


def slice_of_transpose(n: cython.double[:, :], m: cython.double[:, ::1]):
    # A subscript of `.T` is a view's subscript, not one of `.shape`.
    n[1:, 1:] = m.T[1:, 1:]
    return m.T[1:, 2:].shape[1], m.T[2, 0]
