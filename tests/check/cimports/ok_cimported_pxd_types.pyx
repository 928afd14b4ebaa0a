# expected-no-diagnostics
# C types of a declarations-only .pxd (kitchen_types.pxd, no .pyxd): structs by
# value and through pointers, a typedef, a union; `ladle`, not cimported here,
# is still the type of `pot.tool`.
import cython
from cython.cimports.kitchen_types import pot, grams_t, reading


@cython.cfunc
@cython.nogil
def fill(p: cython.pointer(pot), litres: cython.int) -> grams_t:
    p.litres = litres
    p.tool.holes = 3
    p.tool.weight = 0.25
    return p.tool.weight * litres


def cook() -> tuple:
    p: pot
    w: grams_t = fill(cython.address(p), 4)
    r: reading
    r.exact = w
    return p.litres, p.tool.holes, r.exact
