# ok-for: PX123 PX202
# expected-no-diagnostics
import cython

if not cython.compiled:
    from math import sin, cos, hypot as _hypot, sqrt as _sqrt, fabs


def wave(x: cython.double) -> cython.double:
    y: cython.double
    with cython.nogil:
        y = _sqrt(fabs(cos(x)))
    return sin(x) + _hypot(x, y) + y


def measured(b: bytes) -> cython.size_t:
    p: cython.p_char = b
    n: cython.size_t
    with cython.nogil:
        n = strlen(p)
    return n
