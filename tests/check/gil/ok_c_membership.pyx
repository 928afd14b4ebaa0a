# expected-no-diagnostics
# ok-for: PX201
# `x in (1, 2, 3)` of C numbers is C comparisons, so it needs no GIL (as in Cython).
import cython


@cython.cfunc
@cython.nogil
def small(c: cython.int, d: cython.double) -> cython.bint:
    return c in (1, 2, 3) or d not in [0.5, 1.5] or c in {c + 1, -4}
