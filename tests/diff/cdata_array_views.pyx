# A C array as a memoryview: a view of the array's own memory (no copy), made
# and used with or without the GIL, of local and module-level arrays.
import cython

grid = cython.declare(cython.int[3][2])  # 2 rows of 3


@cython.cfunc
@cython.nogil
def total(v: cython.int[:, :]) -> cython.long:
    s: cython.long = 0
    i: cython.Py_ssize_t
    j: cython.Py_ssize_t
    for i in range(v.shape[0]):
        for j in range(v.shape[1]):
            s += v[i, j] * (i * 10 + j + 1)
    return s


@cython.ccall
def first_row_sum(v: cython.int[:, ::1]) -> cython.long:
    return v[0, 0] + v[0, 1] + v[0, 2]


def local_view(seed: cython.int):
    a = cython.declare(cython.int[3][2])
    i: cython.int
    j: cython.int
    for i in range(2):
        for j in range(3):
            a[i][j] = seed + i * 3 + j
    v: cython.int[:, :] = a
    v[1, 2] = 100           # writes the array itself
    return a[1][2], v.shape[0], v.shape[1], total(a), total(v), first_row_sum(a)


def nogil_view(seed: cython.int) -> cython.long:
    a = cython.declare(cython.int[3][2])
    s: cython.long
    with cython.nogil:
        w: cython.int[:, ::1] = a
        w[0, 1] = seed
        w[1, 0] = seed * 2
        s = total(a) + total(w)
    return s + a[0][1]


def declared_view(k: cython.int):
    c = cython.declare(cython.double[2][2][2])
    v = cython.declare(cython.double[:, :, :], c)
    v[1, 0, 1] = 2.5
    v[0, 1, 0] = -1.0
    return c[1][0][1], c[0][1][0], v[k, k, k], v.shape


def flat_view(n: cython.int):
    a = cython.declare(cython.long[4])
    v: cython.long[::1] = a
    i: cython.int
    for i in range(4):
        v[i] = n * i
    return a, v[-1], v[n]


def fill_grid(seed: cython.int):
    v: cython.int[:, :] = grid
    v[0, 0] = seed
    v[1, 1] = seed + 1
    return grid, total(grid)


def grid_view():
    # A module-level array outlives any view of it: the view may go anywhere.
    return cython.declare(cython.int[:, :], grid)
