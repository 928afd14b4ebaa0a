# Extern functions of math.h and string.h declared in pxd_extern.pxd: calls
# of them are C calls, and the `cpdef` ones are also Python functions of the
# module. Run as plain Python, the names come from the math module.
import cython

if not cython.compiled:
    from math import sin, cos, floor, hypot as _hypot, sqrt as _root

    def strlen(b):
        return len(b)


def wave(x: cython.double) -> cython.double:
    y: cython.double
    with cython.nogil:
        y = _root(cos(x) * cos(x))
    return sin(x) + _hypot(3.0, 4.0) + y


def whole(x: cython.double) -> cython.double:
    return floor(x)


def measured(b: bytes) -> cython.size_t:
    p: cython.p_char = b
    n: cython.size_t
    with cython.nogil:
        n = strlen(p)
    return n


def hypot_of(a, b):
    return _hypot(a, b)
