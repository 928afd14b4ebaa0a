import cython


def narrow(x: cython.uchar) -> cython.int:
    limit: cython.uchar = 300  # expected-error PX115
    u: cython.uint = -1  # expected-error PX115
    big: cython.longlong = 9223372036854775808  # expected-error PX115
    return x + limit + u + big


def operand(x: cython.int) -> cython.longlong:
    return x + 5000000000  # expected-error PX115
