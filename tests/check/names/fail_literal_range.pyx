import cython


def narrow(x: cython.uchar) -> cython.int:
    limit: cython.uchar = 300  # expected-error PX115
    u: cython.uint = -1  # expected-error PX115
    big: cython.longlong = 9223372036854775808  # expected-error PX115
    return x + limit + u + big


def operand(x: cython.int) -> cython.longlong:
    return x + 5000000000  # expected-error PX115


def bounded(x: cython.int):
    # min/max of C values: a literal takes the other value's type, as in `x + 1`.
    return min(x, 4294967295), max(-4294967296, x)  # expected-error PX115: `4294967295` does not fit in `cython.int` # expected-error PX115: `-4294967296` does not fit
