# The C functions other pyxx modules may cimport: each gets a trampoline that
# turns C++ exceptions into a ForeignError, and a capsule in __pyxx_capi__
# named by its signature. A function that reads a global is called with the
# module the exec function kept.
import cython

SCALE = 2.5


@cython.cfunc
@cython.nogil
def area(w: cython.double, h: cython.double) -> cython.double:
    return w * h


@cython.cfunc
def scaled(x: cython.double) -> cython.double:
    return x * SCALE


@cython.ccall
def describe(x: object) -> str:
    return repr(x)


@cython.cfunc
@cython.nogil
def check_positive(n: cython.int) -> cython.void:
    if n <= 0:
        raise ValueError("not positive")


def not_exported(x):
    return x
