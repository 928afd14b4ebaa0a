# Where Cython reads a C type (cython.cast, sizeof, declare, typedef, struct
# fields, fused_type members), a bare C type name is that type and `int`,
# `float`, `bool` are C's int, float and bint (Cython's parse_basic_type).
# ok-for: PX102
# expected-no-diagnostics
import cython
from cython.cimports.libc.stdlib import malloc, free

Pair = cython.struct(a=int, b=double, p=p_char)
Real = cython.typedef(double)
Small = cython.typedef(float)
double_or_object = cython.fused_type(double, object)


def allocate(n: cython.Py_ssize_t) -> cython.double:
    p: cython.p_double = cython.cast(p_double, malloc(n * cython.sizeof(double)))
    if not p:
        raise MemoryError()
    v: cython.p_void = cython.cast(p_void, p)
    q: cython.p_double = cython.cast(cython.p_double, v)
    q[0] = 1.5
    total: Real = q[0]
    free(p)
    return total


def declared():
    i = cython.declare(int, 3)
    f = cython.declare(float, 0.5)
    b = cython.declare(bool, True)
    n = cython.declare(Py_ssize_t, 4)
    u = cython.declare(uint, 5)
    s: Small = f
    return i + n + u, f + s, b, cython.sizeof(long), cython.sizeof(int), cython.sizeof(float)


def casts(d: cython.double):
    return cython.cast(long, d), cython.cast(float, d), cython.cast(int, d), cython.cast(bool, 2)


def increment(x: double_or_object):
    with cython.nogil(double_or_object is not object):
        x = x + 1
    return x


def pairs():
    p: Pair = Pair(1, 2.5, cython.NULL)
    return p.a + p.b
