# Two-dimensional cython.int[:, :] memoryviews: .shape[0] and .shape[1],
# negative indices in both dimensions, writes, IndexError on either axis.
import cython


def row_sums(m: cython.int[:, :], out: cython.long[:]) -> cython.void:
    s: cython.long
    for i in range(m.shape[0]):
        s = 0
        for j in range(m.shape[1]):
            s += m[i, j]
        out[i] = s


def trace(m: cython.int[:, :]) -> cython.long:
    t: cython.long = 0
    for i in range(min(m.shape[0], m.shape[1])):
        t += m[i, i]
    return t


def corner(m: cython.int[:, :], which: cython.int) -> cython.int:
    if which == 0:
        return m[0, 0]
    elif which == 1:
        return m[0, -1]
    elif which == 2:
        return m[-1, 0]
    return m[-1, -1]


def at(m: cython.int[:, :], i: cython.Py_ssize_t, j: cython.Py_ssize_t) -> cython.int:
    return m[i, j]


def transpose_into(m: cython.int[:, :], t: cython.int[:, :]) -> cython.void:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            t[j, i] = m[i, j]


def fill(m: cython.int[:, :], v: cython.int):
    count = 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = v + i * 10 + j
            count += 1
    return count


def rows(m: cython.int[:, :]):
    return len(m) * 1000 + m.shape[1]
