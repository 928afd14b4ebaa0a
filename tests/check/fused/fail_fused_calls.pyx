# A call must pick one specialisation; an index must name members.
import cython

number = cython.fused_type(cython.int, cython.double)
other = cython.fused_type(cython.float, cython.long)


@cython.cfunc
def f(x: number, y: number) -> number:
    return x + y


def misplaced(x: cython.int):
    y: number = x  # expected-error PX117: outside the signature
    return y


def calls(o, s: cython.short, fl: cython.float):
    a = f(o, o)  # expected-error PX117: no member fits
    b = f(s, fl)  # expected-error PX117: several members fit
    c = f[cython.long](1, 2)  # expected-error PX117: not a member
    d = f[cython.int, cython.int](1, 2)  # expected-error PX117: indexed with 2 types
    e = f(1, 2)  # the `cython.int` one: an integer literal prefers an integer member, as in Cython
    return a, b, c, d, e
