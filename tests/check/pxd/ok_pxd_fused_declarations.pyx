# Definitions typed by fused declarations of the .pxd: one may also write the
# fused type itself; the nogil C function is called without the GIL.
# expected-no-diagnostics
import cython


def twice(x: number):
    return x * 2


def half(x):
    return x / 2


def run(d: cython.double, f: cython.float) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = half(d) + half(f)
    return r + twice(d) + twice[cython.int](2)
