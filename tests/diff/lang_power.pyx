# `**` on C values: integer powers with literal and run-time exponents, double
# powers with fractional and negative exponents, powers inside nogil code.
import cython


def square_int(a: cython.int) -> cython.long:
    return a ** 2


def cube_long(a: cython.long):
    return a ** 3


def int_pow(a: cython.long, b: cython.long):
    r: cython.long = a ** b
    return r


def double_pow(x: cython.double, y: cython.double) -> cython.double:
    return x ** y


def mixed_pow(x: cython.double, n: cython.int) -> cython.double:
    return x ** n


def pow_sum_nogil(n: cython.int) -> cython.double:
    s: cython.double = 0.0
    with cython.nogil:
        for k in range(1, n + 1):
            s += 1.0 / k ** 2
    return s


def unsigned_pow(a: cython.uint, b: cython.uint) -> cython.ulong:
    x: cython.ulong = a
    return x ** b


def precedence(a: cython.int) -> cython.long:
    return -a ** 2 + 2 ** 3 ** 2 // a
