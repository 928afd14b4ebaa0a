# `from cython.cimports.libc.math import ...`: C math functions and constants
# (M_PI, M_E, INFINITY) and classification (isnan, isinf) on doubles, with
# and without the GIL.
import cython
from cython.cimports.libc.math import sqrt, sin, cos, exp, log, pow, fabs, floor, ceil
from cython.cimports.libc.math import fmod, hypot, atan2, round
from cython.cimports.libc.math import M_PI, M_E, INFINITY, isnan, isinf


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


def hyp_nogil(n: cython.int) -> cython.double:
    acc: cython.double = 0.0
    with cython.nogil:
        for i in range(n):
            acc += hypot(i, 1.0) / sqrt(i + 1.0)
    return acc


def circle_area(r: cython.double) -> cython.double:
    return M_PI * pow(r, 2.0)


def e_squared() -> cython.double:
    return M_E * M_E


def classify(x: cython.double) -> cython.int:
    if isnan(x):
        return 0
    if isinf(x):
        return 1 if x > 0 else -1
    return 2


def capped(x: cython.double, cap: cython.double) -> cython.double:
    r: cython.double = 0.0
    with cython.nogil:
        r = x if x < cap else INFINITY
    return r


def not_a_number(x: cython.double) -> cython.bint:
    return isnan(x)
