# expected-no-diagnostics
# Enums of a declarations-only .pxd (kitchen_enums.pxd): the types, the
# enumerators cimported (also under another name), as struct fields and
# without the GIL. `level`, not cimported, is not a name here.
import cython
from cython.cimports.kitchen_enums import heat, stove, low, high as hot, tilt, left, BURNERS


@cython.cfunc
@cython.nogil
def light(s: cython.pointer(stove), strong: cython.bint) -> heat:
    s.setting = hot if strong else low
    s.burners = BURNERS
    return s.setting


def cook(strong: cython.bint):
    s: stove
    h: heat = light(cython.address(s), strong)
    t: tilt = left
    return h == hot, s.burners, cython.cast(cython.int, t), cython.typeof(h)


level = "a Python global of this module"
