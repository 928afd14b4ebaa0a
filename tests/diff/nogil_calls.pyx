# C functions called with and without the GIL, C values computed inside
# `with cython.nogil:` / `with nogil:` blocks and returned after them, and
# taking the GIL back with `with cython.gil:`.
import cython
from cython import nogil


@cython.cfunc
@cython.nogil
def square(x: cython.double) -> cython.double:
    return x * x


@cython.cfunc
@cython.nogil
def poly(x: cython.double, a: cython.double, b: cython.double, c: cython.double) -> cython.double:
    return a * square(x) + b * x + c


@cython.cfunc
def clamp(v: cython.long, lo: cython.long, hi: cython.long) -> cython.long:
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


@cython.cfunc
@cython.nogil
def digit_sum(n: cython.ulong) -> cython.int:
    total: cython.int = 0
    while n > 0:
        total = total + n % 10
        n = n // 10
    return total


def eval_poly(x: cython.double):
    with cython.nogil:
        y = poly(x, 2.0, -3.0, 0.5)
    return y


def integrate(n: cython.int):
    total: cython.double = 0.0
    h: cython.double = 1.0 / n
    with nogil:
        for i in range(n):
            total = total + square((i + 0.5) * h)
    return total * h


def clamped(v: cython.long):
    return clamp(v, -10, 10)


def digits(n: cython.ulong):
    with cython.nogil:
        s = digit_sum(n)
        t = digit_sum(n + 1)
    return s * 100 + t


def back_and_forth(n: cython.long):
    acc: cython.long = 0
    with cython.nogil:
        acc = acc + n
        with cython.gil:
            acc = acc * 2
        acc = acc + 1
    return acc
