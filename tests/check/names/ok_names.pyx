# expected-no-diagnostics
# ok-for: PX101 PX102 PX103 PX104 PX105 PX106 PX107 PX108 PX109 PX110 PX111 PX112 PX113 PX114
import cython
from numba import njit


@cython.cfunc
def two(a: cython.int, b: cython.int = 2) -> cython.int:
    return a + b


@njit
def typed(n: int) -> int:
    return n + 1


@cython.cfunc
@cython.nogil
def nogil_c(n: cython.int) -> cython.void:
    if n > 0:
        return


def calls(n: cython.int, v: cython.double[:]) -> cython.double:
    m: cython.int = two(n) + two(n, 3) + two(a=n, b=1) + typed(n)
    x = cython.cast(cython.double, m)
    total = 0.0
    for i in range(v.shape[0]):
        if i > 10:
            break
        total += v[i]
    y = x
    y = y + 1
    nogil_c(m)
    return total + y + cython.sizeof(cython.int)
