# expected-no-diagnostics
# `@cython.final` on module-level `@cython.cfunc` and `@cython.ccall` functions.
import cython


@cython.final
@cython.ccall
def twice(x: cython.int) -> cython.int:
    return 2 * x


@cython.cfunc
@cython.final
def thrice(x: cython.int) -> cython.int:
    return 3 * x


def both(x: cython.int) -> cython.int:
    return twice(x) + thrice(x)
