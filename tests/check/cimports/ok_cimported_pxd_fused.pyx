# expected-no-diagnostics
# A fused type of a declarations-only .pxd (kitchen_fused.pxd): the module's
# functions are specialised for its members as for a fused type of its own.
import cython
from cython.cimports.kitchen_fused import amount


@cython.cfunc
@cython.nogil
def half(x: amount) -> cython.double:
    return x / 2


def twice(x: amount) -> amount:
    return x * 2


def both(n: cython.int, d: cython.double) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = half(n) + half(d)
    return r + twice[cython.double](d)
