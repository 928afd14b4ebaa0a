# Where Cython reads a C type (cython.cast, cython.declare, cython.sizeof,
# cython.typedef), `int` is C's int, `float` C's float and `bool` bint: not the
# Python types (or the C double) an annotation would mean.
import cython

Single = cython.typedef(float)


def declared():
    x = cython.declare(int, 7)
    y = cython.declare(float, 0.1)
    z = cython.declare(bool, 3)
    return cython.typeof(x), x, cython.typeof(y), y, z


def casts(d: cython.double):
    return cython.cast(float, d), cython.cast(int, d), cython.cast(bool, 2)


def typedef_float(d: cython.double):
    s: Single = d
    return s


def sizes():
    return cython.sizeof(int), cython.sizeof(float)


def wraps(n: cython.long):
    x = cython.declare(int, n)
    return x


@cython.locals(x=float, n=int)
@cython.returns(float)
@cython.cfunc
def half(x, n):
    return x / n


def halves(d: cython.double):
    return half(d, 1), cython.typeof(half(d, 1))
