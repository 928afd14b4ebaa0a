# Integer arithmetic the checker proves cannot overflow is plain C++ (no
# wrap-around helper); next to it, the same arithmetic one step further, which
# may overflow and keeps the helper. Every case runs at the edge of its type:
# the diff-asan run (UBSan) stops at any signed overflow in plain arithmetic.
import cython


def up_to_int_max(start: cython.int) -> cython.long:
    # i <= INT_MAX - 1, so i + 1 <= INT_MAX: plain.
    i: cython.int
    total: cython.long = 0
    for i in range(start, 2147483647):
        total += i + 1
    return total


def one_past_int_max(start: cython.int) -> cython.int:
    # i + 2 reaches INT_MAX + 1: wraps, through the helper.
    i: cython.int
    last: cython.int = 0
    for i in range(start, 2147483647):
        last = i + 2
    return last


def down_to_int_min(start: cython.int) -> cython.long:
    # A negative step: INT_MIN < i <= start, so i - 1 >= INT_MIN: plain.
    i: cython.int
    total: cython.long = 0
    for i in range(start, -2147483648, -1):
        total += i - 1
    return total


def negate_from(stop: cython.int) -> cython.long:
    # -INT_MAX <= i < stop <= INT_MAX: -i fits. From a start of INT_MIN (next
    # function, or a start the function does not bound) it does not.
    i: cython.int
    total: cython.long = 0
    for i in range(-2147483647, stop):
        total += -i
    return total


def negate_min() -> cython.int:
    i: cython.int
    last: cython.int = 0
    for i in range(-2147483648, -2147483647):
        last = -i
    return last


def squares(n: cython.int) -> cython.int:
    # i < 46341, so i * i <= 46340 ** 2 < 2 ** 31: plain.
    i: cython.int
    last: cython.int = 0
    for i in range(46341):
        if i < n:
            last = i * i
    return last


def squares_past() -> cython.int:
    # 46341 ** 2 > INT_MAX: the helper.
    i: cython.int
    last: cython.int = 0
    for i in range(46340, 46342):
        last = i * i
    return last


def short_edge(start: cython.short) -> cython.int:
    # A type narrower than int: s + 1 <= SHRT_MAX, computed in short.
    s: cython.short
    t: cython.short = 0
    total: cython.int = 0
    for s in range(start, 32767):
        t = s + 1
        total += t
    return total


def len_minus_one(x: list) -> cython.Py_ssize_t:
    # len(x) >= 0, so n - 1 >= -1; i + 1 <= n - 1 inside range(n - 1).
    n = len(x)
    last: cython.Py_ssize_t = n - 1
    total: cython.Py_ssize_t = 0
    for i in range(n - 1):
        total += i + 1
    return total * 1000 + last


def stencil(a: cython.double[:], out: cython.double[:]) -> None:
    n: cython.Py_ssize_t = a.shape[0]
    i: cython.Py_ssize_t
    for i in range(1, n - 1):
        out[i] = a[i - 1] + a[i] + a[i + 1]


def ssize_edge(start: cython.Py_ssize_t) -> cython.Py_ssize_t:
    # The stop is a literal: i + 1 <= PY_SSIZE_T_MAX on a 64-bit target, but the
    # proof must hold where Py_ssize_t is 32 bits too: the helper stays.
    i: cython.Py_ssize_t
    last: cython.Py_ssize_t = 0
    for i in range(start, 9223372036854775807):
        last = i + 1
    return last


def rebound_in_body(k: cython.int) -> cython.int:
    # The body binds i again: its range is gone, i + 1 keeps the helper.
    i: cython.int
    last: cython.int = 0
    for i in range(3):
        i = i + k
        last = i + 1
    return last


def address_taken(k: cython.int) -> cython.int:
    # A pointer to i may store anything into it: i + 1 keeps the helper.
    i: cython.int
    p: cython.p_int = cython.address(i)
    last: cython.int = 0
    for i in range(3):
        p[0] = k
        last = i + 1
    return last


def bound_once_in_loop(n: cython.int) -> cython.long:
    # m is bound once, to i + 1 (in [1, 10]; 0 before): m * 200000000 <= 2e9
    # fits an int: plain, and exactly at the edge for n = 10.
    i: cython.int
    m: cython.int
    total: cython.long = 0
    for i in range(10):
        m = i + 1
        if i < n:
            total += m * 200000000
    return total
