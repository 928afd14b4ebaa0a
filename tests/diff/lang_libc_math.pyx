# `from cython.cimports.libc.math import ...`: C math functions and constants on
# doubles, with and without the GIL.
import cython
from cython.cimports.libc.math import sqrt, sin, cos, exp, log, pow, fabs, floor, ceil
from cython.cimports.libc.math import fmod, hypot, atan2, M_PI, isnan, round


def norm(x: cython.double, y: cython.double) -> cython.double:
    return sqrt(x * x + y * y)


def trig(t: cython.double):
    return (sin(t), cos(t), atan2(sin(t), cos(t)))


def exp_log(x: cython.double) -> cython.double:
    return log(exp(x))


def rounding(x: cython.double):
    return (floor(x), ceil(x), round(x), fabs(x))


def remainder(x: cython.double, y: cython.double) -> cython.double:
    return fmod(x, y)


def circle_area(r: cython.double) -> cython.double:
    return M_PI * pow(r, 2.0)


def hyp_nogil(n: cython.int) -> cython.double:
    acc: cython.double = 0.0
    with cython.nogil:
        for i in range(n):
            acc += hypot(i, 1.0) / sqrt(i + 1.0)
    return acc


def not_a_number(x: cython.double) -> cython.bint:
    return isnan(x)
