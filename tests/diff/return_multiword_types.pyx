# Functions returning a C type spelled with several words (`unsigned char`,
# `long long`, ...) whose body does not end with `return`: the C++ fallback
# return after the body once read `return long long{};`, which does not compile
# (found by fuzz/compile_translations).
import cython


def sign_ll(n: cython.longlong) -> cython.longlong:
    if n < 0:
        return -1
    else:
        return 1


def low_byte(n: cython.int) -> cython.uchar:
    if n >= 0:
        return n % 256
    else:
        return 0


def as_schar(n: cython.int) -> cython.schar:
    if n > 100:
        return 100
    elif n < -100:
        return -100
    else:
        return n


def clamp_ull(n: cython.ulonglong) -> cython.ulonglong:
    for i in range(1):
        return n
    else:
        return 0


def dead_code_after_return(n: cython.int) -> cython.longlong:
    return n * 3
    n = n + 1
