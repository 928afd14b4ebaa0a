# C-number semantics that must not silently differ from Python: literals beyond
# C long, shift counts checked in their own type, range loops whose bounds the
# loop variable cannot hold, C char compared with a bytes literal (see
# num_char_bytes), out-of-range float -> integer casts, FP contraction.
import cython


def literal_below_long():
    return -9223372036854775809


def literal_long_min():
    return -9223372036854775808


def literal_huge():
    return 36893488147419103232, -36893488147419103232, 18446744073709551615


def literal_long_min_c() -> cython.long:
    x: cython.long = -9223372036854775808
    return x


def shift_right(a: cython.int, n: cython.longlong) -> cython.int:
    return a >> n


def shift_left_small(a: cython.int, n: cython.longlong) -> cython.longlong:
    return a << n


def shift_unsigned(u: cython.uint, n: cython.int) -> cython.uint:
    return u << n


def shift_minus_one(u: cython.uint) -> cython.uint:
    return u << -1


def shift_aug(a: cython.int, n: cython.longlong) -> cython.int:
    a >>= n
    return a


def count_uchar(n: cython.int) -> cython.int:
    i: cython.uchar
    count: cython.int = 0
    for i in range(n):
        count += 1
        if i == 250:
            break
    return count


def last_uchar() -> cython.int:
    i: cython.uchar = 0
    total: cython.int = 0
    for i in range(300):
        total += i
        if total > 20000:
            break
    return total


def countdown_unsigned(n: cython.uint) -> list:
    out = []
    i: cython.uint
    for i in range(n, -1, -1):
        out.append(i)
    return out


def countdown_step(n: cython.uint, step: cython.int) -> list:
    out = []
    i: cython.uint
    for i in range(n, 0, step):
        out.append(i)
    return out


def wide_bounds(start: cython.longlong, stop: cython.longlong) -> list:
    out = []
    i: cython.short
    for i in range(start, stop, 10000):
        out.append(i)
    return out


def object_bound(stop) -> cython.int:
    i: cython.int
    total: cython.int = 0
    for i in range(-3, stop):
        total += i
    return total


def float_to_int(x: cython.double) -> cython.int:
    return cython.cast(cython.int, x)


def float_to_uchar(x: cython.double) -> cython.uchar:
    return cython.cast(cython.uchar, x)


def float_to_longlong(x: cython.double) -> cython.longlong:
    return cython.cast(cython.longlong, x)


def fma_candidate(a: cython.double, b: cython.double, c: cython.double) -> cython.double:
    return a * b + c
