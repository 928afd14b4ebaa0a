# The kernels of bench/kernels.py for Numba: the same loops under @njit.
import numba
import numpy as np


@numba.njit
def sum_(a):
    total = 0.0
    for i in range(a.shape[0]):
        total += a[i]
    return total


@numba.njit
def dot(a, b):
    total = 0.0
    for i in range(a.shape[0]):
        total += a[i] * b[i]
    return total


@numba.njit
def saxpy(alpha, x, y):
    for i in range(x.shape[0]):
        y[i] = y[i] + alpha * x[i]


@numba.njit
def mandelbrot(width, height, max_iter):
    inside = 0
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


@numba.njit
def sieve(flags):
    n = flags.shape[0]
    count = 0
    for i in range(2, n):
        if flags[i]:
            count += 1
            j = i * i
            while j < n:
                flags[j] = 0
                j += i
    return count


@numba.njit
def matmul(a, b, c):
    n, p = a.shape
    m = b.shape[1]
    for i in range(n):
        for j in range(m):
            c[i, j] = 0.0
        for k in range(p):
            s = a[i, k]
            for j in range(m):
                c[i, j] += s * b[k, j]


@numba.njit
def stencil(a, out):
    n = a.shape[0]
    for i in range(1, n - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) * (1.0 / 3.0)


@numba.njit
def int_hash(n):
    h = np.uint64(1469598103934665603)
    for i in range(n):
        h = (h ^ np.uint64(i)) * np.uint64(1099511628211)
        h ^= h >> np.uint64(29)
    return h


@numba.njit
def call_def(x):
    return x + 1


call_ccall = call_def
stencil_checked = stencil  # Numba checks no bounds unless asked (boundscheck=True)


@numba.njit(nogil=True)
def sum_nogil(a):
    total = 0.0
    for i in range(a.shape[0]):
        total += a[i]
    return total
