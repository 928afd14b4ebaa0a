# expected-no-diagnostics
# ok-for: PX115
import cython


def fits(x: cython.uchar) -> cython.longlong:
    limit: cython.uchar = 255
    u: cython.ulonglong = 18446744073709551615
    low: cython.long = -9223372036854775808
    return x + limit + (u & 1) + low


def exact():
    # Alone, a literal beyond C long stays an exact Python int.
    return -9223372036854775809, 36893488147419103232


def bounded(x: cython.int, y: cython.longlong):
    return min(x, 2147483647), max(-2147483648, x), min(y, 4294967295)
