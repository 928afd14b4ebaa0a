# Views whose elements are addressed through locals (pyxx::ViewAccess): unit
# stride for `::1` dimensions, byte stores through `uchar` views, and the
# checks (bounds, wraparound, None) on the copied extents.
import typing

import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def stencil(a: cython.double[::1], out: cython.double[::1]) -> cython.double:
    n: cython.Py_ssize_t = a.shape[0]
    i: cython.Py_ssize_t
    for i in range(1, n - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) / 3.0
    return out[n // 2]


def stencil_checked(a: cython.double[::1], out: cython.double[:]) -> cython.double:
    i: cython.Py_ssize_t
    for i in range(1, a.shape[0] - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) / 3.0
    return out[-2]


@cython.boundscheck(False)
@cython.wraparound(False)
def sieve(flags: cython.uchar[::1]) -> cython.int:
    n: cython.Py_ssize_t = flags.shape[0]
    i: cython.Py_ssize_t
    j: cython.Py_ssize_t
    count: cython.int = 0
    for i in range(2, n):
        if flags[i]:
            count += 1
            j = i * i
            while j < n:
                flags[j] = 0
                j += i
    return count


def sieve_strided(flags: cython.uchar[:]) -> cython.int:
    n: cython.Py_ssize_t = flags.shape[0]
    count: cython.int = 0
    for i in range(2, n):
        if flags[i]:
            count += 1
            for j in range(i * i, n, i):
                flags[j] = 0
    return count


def only(v: cython.double[::1]) -> cython.double:
    # A dimension of extent 1 may have any stride and still be contiguous.
    return v[0] + v[-1]


def at(v: cython.double[::1], i: cython.Py_ssize_t) -> cython.double:
    return v[i]


def maybe(v: typing.Optional[cython.double[::1]]) -> cython.double:
    if v is None:
        return -1.0
    return v[0]


def corner(m: cython.double[:, ::1]) -> cython.double:
    return m[0, 0] * 1000.0 + m[-1, -1]


def local_views(obj, grid) -> cython.double:
    # Local views (no ViewAccess): `::1` dimensions still step by the item size.
    v: cython.double[::1] = obj
    s: cython.double = 0.0
    for i in range(v.shape[0]):
        s += v[i] * (i + 1)
    m: cython.double[:, ::1] = grid
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * (j + 1)
    return s + m[-1, -1]
