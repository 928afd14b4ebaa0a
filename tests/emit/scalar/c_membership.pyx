# `x in (...)` of C numbers: C comparisons, the left operand evaluated once,
# elements with effects evaluated before the first comparison.
import cython


@cython.cfunc
@cython.nogil
def small(c: cython.int, d: cython.double) -> cython.bint:
    return c in (1, 2, 3) or d not in [0.5, 1.5]


@cython.cfunc
def side(v: cython.int) -> cython.int:
    return v


def order(c: cython.int) -> cython.bint:
    return side(c) in (side(1), 2, side(3))
