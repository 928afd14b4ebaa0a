# Numba functions over arrays, typed by signature strings: 1-D and 2-D
# float64/int64 arrays, reads, writes, len() and .shape, and a nogil kernel.
from numba import jit, njit


@njit("float64(float64[:])")
def total(a):
    s = 0.0
    for i in range(len(a)):
        s = s + a[i]
    return s


@njit("void(int64[:], int64)")
def fill_squares(out, offset):
    for i in range(out.shape[0]):
        out[i] = i * i + offset


@jit("float64(float64[:, :])", nopython=True, nogil=True)
def trace(m):
    t = 0.0
    for i in range(min(m.shape[0], m.shape[1])):
        t = t + m[i, i]
    return t


@njit("int64(int64[:])")
def last_minus_first(a):
    return a[-1] - a[0]


@njit("float64(float64[:], float64[:])")
def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s = s + a[i] * b[i]
    return s
