# A fused type of a declarations-only .pxd (kitchen_fused.pxd) is the
# module's: not defined again, and its specialisations are checked.
import cython
from cython.cimports.kitchen_fused import amount

amount = cython.fused_type(cython.int, cython.float)  # expected-error PX105


def half(x: amount):
    with cython.nogil:
        print(x)  # expected-error PX202
