# Found by tests/random: `-(-x)` on a C double was emitted as `--x`, which C++
# reads as a decrement (a compile error); `+(+x)` and `~(~n)` likewise.
import cython


def neg_neg(x: cython.double) -> cython.double:
    return -(-x)


def neg_neg_float(x: cython.float) -> cython.float:
    y: cython.float = -(-(-x))
    return y


def pos_pos(x: cython.double) -> cython.double:
    return +(+x)


def neg_neg_int(n: cython.int) -> cython.long:
    return -(-n)


def neg_neg_uint(n: cython.uint) -> cython.uint:
    return cython.cast(cython.uint, -(-n))


def inv_inv(n: cython.short) -> cython.int:
    return ~(~n) - ~-(~n)


def pos_neg_char(c: cython.char) -> cython.int:
    return +(-c)
