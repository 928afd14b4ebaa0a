# Integer and float arithmetic on C values: Python's floor division and modulo
# signs, true division, **, wrap-around (unsigned and signed), comparisons and
# the values of and/or/not.
import cython


def floor_div(a: cython.long, b: cython.long):
    return a // b


def modulo(a: cython.long, b: cython.long):
    return a % b


def true_div(a: cython.long, b: cython.long):
    return a / b


def float_floor_div(x: cython.double, y: cython.double):
    return x // y


def float_mod(x: cython.double, y: cython.double):
    return x % y


def power(a: cython.long, b: cython.long):
    return a ** b


def float_power(x: cython.double, y: cython.double):
    return x ** y


def mixed(a: cython.long, x: cython.double):
    return a * x + a - x / 2


def unsigned_sub(a: cython.ulong, b: cython.ulong):
    d: cython.ulong = a - b
    return d


def unsigned_mul(a: cython.ulong, b: cython.ulong) -> cython.ulong:
    return a * b


def signed_mul(a: cython.long, b: cython.long):
    p: cython.long = a * b
    return p


def int_add(a: cython.int, b: cython.int):
    s: cython.int = a + b
    return s


def compare(a: cython.long, b: cython.long):
    return (a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * (a != b) + 16 * (a > b) + 32 * (a >= b)


def logic(a: cython.long, b: cython.long) -> cython.bint:
    return (a > 0 and b > 0) or not (a < b)


def pick_or(a: cython.long, b: cython.long):
    return a or b


def pick_and(a: cython.long, b: cython.long):
    return a and b


def negate(a: cython.long):
    return -a + (not a)
