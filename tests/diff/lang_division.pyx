# Division on C values (spec §5): `/` on integers is true division, `//` and
# `%` floor with the divisor's sign, every zero divisor raises ZeroDivisionError
# -- in def bodies, in cfuncs and inside `with nogil` blocks.
import cython


def true_div_int(a: cython.int, b: cython.int) -> cython.double:
    return a / b


def true_div_ulong(a: cython.ulong, b: cython.ulong):
    return a / b


def div_mod_short(a: cython.short, b: cython.short):
    q: cython.short = a // b
    r: cython.short = a % b
    return (q, r)


def div_mod_double(x: cython.double, y: cython.double):
    return (x // y, x % y)


def div_mod_ulong(a: cython.ulong, b: cython.ulong):
    return (a // b, a % b)


@cython.cfunc
def c_floor(a: cython.long, b: cython.long) -> cython.long:
    return a // b


def floor_via_cfunc(a: cython.long, b: cython.long):
    return c_floor(a, b) * 10


@cython.cfunc
@cython.nogil
def nogil_mod(a: cython.long, b: cython.long) -> cython.long:
    return a % b


def mod_without_gil(a: cython.long, b: cython.long):
    r: cython.long = 0
    with cython.nogil:
        r = nogil_mod(a, b) + a // b
    return r


def float_div_zero(x: cython.double, y: cython.double) -> cython.double:
    with cython.nogil:
        z = x / y
    return z


def mixed_div(a: cython.long, x: cython.float):
    return a / x + x // 2

