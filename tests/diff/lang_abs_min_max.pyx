# abs, min and max on C values: every numeric kind, 2 and 3 arguments, mixed
# int/double, unsigned, and inside nogil code.
import cython


def abs_int(a: cython.int) -> cython.int:
    return abs(a)


def abs_long(a: cython.long):
    return abs(a)


def abs_double(x: cython.double):
    return abs(x)


def min2(a: cython.long, b: cython.long):
    return min(a, b)


def max3(a: cython.int, b: cython.int, c: cython.int):
    return max(a, b, c)


def min_mixed(a: cython.long, x: cython.double):
    return min(a, x) + 0.0  # a double in C; + 0.0 makes plain Python agree


def max_unsigned(a: cython.ulong, b: cython.ulong):
    return max(a, b)


def clamp(v: cython.double, lo: cython.double, hi: cython.double) -> cython.double:
    return max(lo, min(v, hi))


def spread_nogil(a: cython.long, b: cython.long, c: cython.long) -> cython.long:
    r: cython.long = 0
    with cython.nogil:
        r = max(a, b, c) - min(a, b, c) + abs(a - c)
    return r


def min_max_float(x: cython.float, y: cython.float):
    return (min(x, y), max(x, y))
