"""Shim for `cython.cimports.libc.math`: C <math.h> on doubles, via Python's math.

Functions that return an integer in Python (floor, ceil, trunc) return a float
here, as in C; round() rounds half away from zero, as C does.
"""
import math as _m

M_PI = _m.pi
M_E = _m.e
M_SQRT2 = _m.sqrt(2.0)
M_LN2 = _m.log(2.0)
M_LN10 = _m.log(10.0)
INFINITY = HUGE_VAL = _m.inf
NAN = _m.nan

sqrt, exp, log, log10, log2, log1p, expm1 = _m.sqrt, _m.exp, _m.log, _m.log10, _m.log2, _m.log1p, _m.expm1
sin, cos, tan, asin, acos, atan, atan2 = _m.sin, _m.cos, _m.tan, _m.asin, _m.acos, _m.atan, _m.atan2
sinh, cosh, tanh, asinh, acosh, atanh = _m.sinh, _m.cosh, _m.tanh, _m.asinh, _m.acosh, _m.atanh
pow, fabs, fmod, hypot, copysign = _m.pow, _m.fabs, _m.fmod, _m.hypot, _m.copysign
erf, erfc, lgamma, tgamma = _m.erf, _m.erfc, _m.lgamma, _m.gamma
isnan, isinf, isfinite = _m.isnan, _m.isinf, _m.isfinite


def floor(x):
    # C keeps the sign of zero: floor(-0.5) is -0.0
    return _m.copysign(float(_m.floor(x)), x)


def ceil(x):
    # C keeps the sign of zero: ceil(-0.5) is -0.0
    return _m.copysign(float(_m.ceil(x)), x)


def trunc(x):
    # C keeps the sign of zero: trunc(-0.5) is -0.0
    return _m.copysign(float(_m.trunc(x)), x)


def round(x):  # noqa: A001 - C's round
    if not _m.isfinite(x):
        return x
    return _m.copysign(_m.floor(_m.fabs(x) + 0.5), x)


def fmin(x, y):
    return y if _m.isnan(x) else x if _m.isnan(y) else min(x, y)


def fmax(x, y):
    return y if _m.isnan(x) else x if _m.isnan(y) else max(x, y)


def cbrt(x):
    return _m.copysign(_m.fabs(x) ** (1.0 / 3.0), x)


def exp2(x):
    return _m.pow(2.0, x)
