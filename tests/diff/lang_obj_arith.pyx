# Arithmetic and comparisons on Python objects: big ints (no wrap-around for
# objects), floats, strings and lists with + and *, in-place operators, `in`,
# `is`, chained comparisons on objects, mixing objects with C values.
import cython


def arith(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +b)


def big(n):
    return 2 ** n + 1


def bitwise(a, b):
    return (a & b, a | b, a ^ b, a << 3, a >> 1, ~a)


def concat(a, b):
    return (a + b, a * 2, 3 * b)


def inplace(x, y):
    x += y
    x *= 2
    x -= y
    return x


def compare(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


def chained(a, b, c):
    return a < b < c


def membership(item, container):
    return (item in container, item not in container)


def identity(a, b):
    return (a is b, a is not b, a is None)


def mixed(obj, n: cython.long, x: cython.double):
    return (obj + n, obj * x, n - obj, obj < n, obj == x)
