# The kernels of bench/kernels.py, in Cython's pure Python mode: pyxx builds
# this file as it is, Cython builds the same text copied to a .py file.
import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def sum_(a: cython.double[::1]) -> cython.double:
    total: cython.double = 0.0
    i: cython.Py_ssize_t
    for i in range(a.shape[0]):
        total += a[i]
    return total


@cython.boundscheck(False)
@cython.wraparound(False)
def dot(a: cython.double[::1], b: cython.double[::1]) -> cython.double:
    total: cython.double = 0.0
    i: cython.Py_ssize_t
    for i in range(a.shape[0]):
        total += a[i] * b[i]
    return total


@cython.boundscheck(False)
@cython.wraparound(False)
def saxpy(alpha: cython.double, x: cython.double[::1], y: cython.double[::1]) -> None:
    i: cython.Py_ssize_t
    for i in range(x.shape[0]):
        y[i] = y[i] + alpha * x[i]


def mandelbrot(width: cython.int, height: cython.int, max_iter: cython.int) -> cython.int:
    inside: cython.int = 0
    px: cython.int
    py: cython.int
    k: cython.int
    cr: cython.double
    ci: cython.double
    zr: cython.double
    zi: cython.double
    t: cython.double
    for py in range(height):
        for px in range(width):
            cr = -2.0 + 3.0 * px / width
            ci = -1.5 + 3.0 * py / height
            zr = 0.0
            zi = 0.0
            k = 0
            while k < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                k += 1
            if k == max_iter:
                inside += 1
    return inside


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


@cython.boundscheck(False)
@cython.wraparound(False)
def matmul(a: cython.double[:, ::1], b: cython.double[:, ::1], c: cython.double[:, ::1]) -> None:
    n: cython.Py_ssize_t = a.shape[0]
    m: cython.Py_ssize_t = b.shape[1]
    p: cython.Py_ssize_t = a.shape[1]
    i: cython.Py_ssize_t
    j: cython.Py_ssize_t
    k: cython.Py_ssize_t
    s: cython.double
    for i in range(n):
        for j in range(m):
            c[i, j] = 0.0
        for k in range(p):
            s = a[i, k]
            for j in range(m):
                c[i, j] += s * b[k, j]


@cython.boundscheck(False)
@cython.wraparound(False)
def stencil(a: cython.double[::1], out: cython.double[::1]) -> None:
    n: cython.Py_ssize_t = a.shape[0]
    i: cython.Py_ssize_t
    for i in range(1, n - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) * (1.0 / 3.0)


def stencil_checked(a: cython.double[::1], out: cython.double[::1]) -> None:
    # Cython's default directives: every index is bounds-checked and wrapped.
    n: cython.Py_ssize_t = a.shape[0]
    i: cython.Py_ssize_t
    for i in range(1, n - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) * (1.0 / 3.0)


def int_hash(n: cython.longlong) -> cython.ulonglong:
    h: cython.ulonglong = 1469598103934665603
    prime: cython.ulonglong = 1099511628211  # a typed local: C arithmetic in Cython too
    i: cython.longlong
    for i in range(n):
        h = (h ^ i) * prime
        h ^= h >> 29
    return h


def call_def(x: cython.long) -> cython.long:
    return x + 1


@cython.ccall
def call_ccall(x: cython.long) -> cython.long:
    return x + 1


@cython.boundscheck(False)
@cython.wraparound(False)
def sum_nogil(a: cython.double[::1]) -> cython.double:
    total: cython.double = 0.0
    i: cython.Py_ssize_t
    with cython.nogil:
        for i in range(a.shape[0]):
            total += a[i]
    return total
