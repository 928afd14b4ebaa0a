# C tuples hold C values: made, indexed, unpacked and passed without the GIL;
# converted to and from Python tuples (sequences) at the boundary. No PX113.
# ok-for: PX113
# expected-no-diagnostics
import cython
from typing import Tuple

Point = cython.struct(x=cython.double, y=cython.double)


@cython.cfunc
@cython.nogil
def bounds(p: cython.p_double, n: cython.int) -> tuple[cython.double, cython.double]:
    lo: cython.double = p[0]
    hi: cython.double = p[0]
    i: cython.int
    for i in range(1, n):
        lo = min(lo, p[i])
        hi = max(hi, p[i])
    return lo, hi


@cython.cfunc
@cython.nogil
def with_pointer(p: cython.p_double) -> tuple[cython.int, cython.p_double, Point]:
    return 1, p, Point(p[0], p[1])


def use(a: cython.double, b: cython.double) -> Tuple[cython.double, cython.double]:
    values = cython.declare(cython.double[2])
    values[0] = a
    values[1] = b
    lo: cython.double
    hi: cython.double
    with cython.nogil:
        lo, hi = bounds(values, 2)
        t = with_pointer(values)
        p = t[1]
        s = t[2]
        t2: tuple[cython.int, cython.double] = (t[0], p[0] + s.y)
        t2[0] = t2[0] + 1
    return (lo + t2[0], hi + t2[-1])
