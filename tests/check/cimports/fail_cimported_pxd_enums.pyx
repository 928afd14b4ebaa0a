# Enums of a declarations-only .pxd (kitchen_enums.pxd) are their own types:
# an integer is not one, and arithmetic on them is refused (Cython types the
# result by rules of its own while C computes in the enum's C type).
import cython
from cython.cimports.kitchen_enums import heat, low, BURNERS

low = 2  # expected-error PX105


def turn(h: heat, n: cython.int):
    a: heat = n  # expected-error PX103: cannot convert `cython.int` to the C enum `heat`
    b: heat = 1  # expected-error PX103
    c: heat = BURNERS  # expected-error PX103
    d = h + 1  # expected-error PX302: the operator `+` on the C enum `heat`
    e = ~h  # expected-error PX302
    h -= 1  # expected-error PX302: an in-place operation
    for h in range(3):  # expected-error PX103: the integers of `range`
        pass
    return a, b, c, d, e
