# Memoryview indices their loop proves in range (indices_in_range=0x..): only
# the Subscripts of `proved`, `other_view` (a[i]), `row_sums` (m[i, j]) and
# `stencil` (a[i - 1], a[i], a[i + 1]) carry the fact.
import cython


def proved(a: cython.double[:, :]) -> cython.double:
    s: cython.double = 0.0
    n: cython.Py_ssize_t
    n = a.shape[0]
    for i in range(n):
        for j in range(1, a.shape[1], 2):
            s += a[i, j] * (i + 1)
    return s


def other_view(a: cython.double[:], b: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]      # b[i] is checked
    return s


def swapped(a: cython.double[:, :]) -> cython.double:
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[j, i]      # each counter at the other dimension: checked
    return s


def counter_rebound(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        i = i + 1
        s += a[i]
    return s


def negative_start(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(-1, a.shape[0]):
        s += a[i] * (i + 2)   # a[-1] wraps around
    return s


def stop_not_a_shape(a: cython.double[:], k: cython.Py_ssize_t) -> cython.double:
    s: cython.double = 0.0
    for i in range(k):
        s += a[i]
    return s


def bound_twice(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    m = a.shape[0]
    m = m + 1
    for i in range(m):
        s += a[i]
    return s


def view_rebound(a: cython.double[:], c: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(c.shape[0]):
        s += c[i]
        c = a
    return s


def row_sums(m: cython.double[:, ::1], out: cython.double[:]) -> cython.double:
    rows = m.shape[0]
    for i in range(rows):
        s: cython.double = 0.0
        for j in range(m.shape[1]):
            s += m[i, j]
        out[i] = s
    return out[rows - 1]


def stencil(a: cython.double[:], out: cython.double[:]) -> cython.double:
    n = a.shape[0]
    for i in range(1, n - 1):
        out[i] = a[i - 1] + a[i] + a[i + 1]   # a's three proved; out[i] checked
    return out[1]


def left_beyond(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(0, a.shape[0] - 1):
        s += a[i - 1] * (i + 1)   # a[-1] at i = 0 wraps around: not proved
    return s


def right_beyond(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(1, a.shape[0]):
        s += a[i + 1]             # a[len] at the last i: not proved
    return s


def narrow_counter(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    i: cython.int
    for i in range(1, a.shape[0] - 1):
        s += a[i + 1] - a[i - 1]  # i + 1 in C int: not proved (it could wrap)
    return s


def counter_addressed(a: cython.double[:], k: cython.Py_ssize_t) -> cython.double:
    s: cython.double = 0.0
    i: cython.Py_ssize_t
    p: cython.pointer(cython.Py_ssize_t) = cython.address(i)
    for i in range(a.shape[0]):
        p[0] = k
        s += a[i]                 # i may be anything C stored through p: not proved
    return s
