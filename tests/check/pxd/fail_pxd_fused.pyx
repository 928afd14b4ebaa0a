# The module beside fail_pxd_fused.pxd: a definition that writes another type
# than its fused declaration differs from it, and each specialisation is
# checked like any function.
import cython


def twice(x: cython.int):  # expected-error PX124
    return x * 2


def half(x):
    return x / 2


def run(d: cython.double):
    with cython.nogil:
        print(half(d))  # expected-error PX202
