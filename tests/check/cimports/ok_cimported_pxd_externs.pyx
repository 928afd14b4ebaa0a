# ok-for: PX120 PX202
# expected-no-diagnostics
import cython
from cython.cimports.kitchen_externs import timer_root, seconds_t
from cython.cimports.kitchen_externs import atoi as parse_int


def settle(t: seconds_t, text: bytes) -> seconds_t:
    p: cython.p_char = text
    r: seconds_t
    with cython.nogil:
        r = timer_root(t)
    return r + parse_int(p)
