# expected-no-diagnostics
# C complex numbers hold no Python object: nogil code may compute with them.
import cython


@cython.cfunc
@cython.nogil
def step(z: cython.doublecomplex, c: complex) -> cython.doublecomplex:
    return z * z + c


@cython.cfunc
@cython.nogil
def escapes(c: complex, limit: cython.int) -> cython.int:
    z: complex = 0
    i: cython.int
    for i in range(limit):
        z = step(z, c)
        if abs(z) > 2.0 or z.imag != z.conjugate().imag * -1:
            return i
        if z == 1j:
            return -1
    return limit


def mandel(re: cython.double, im: cython.double, limit: cython.int) -> cython.int:
    c: complex = complex(re, im)
    with cython.nogil:
        n = escapes(c, limit)
    return n


def floats(f: cython.floatcomplex, x: cython.float) -> cython.floatcomplex:
    return f * x - f / 2
