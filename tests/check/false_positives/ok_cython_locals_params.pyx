# expected-no-diagnostics
# `@cython.locals(a=T)` naming a parameter types the parameter, as in Cython:
# a nogil function may then take it, and a `def` converts the argument.
import cython


@cython.cfunc
@cython.nogil
@cython.locals(a=cython.int, b=cython.double, total=cython.double)
def scale(a, b) -> cython.double:
    total = a * b
    return total


@cython.locals(n=cython.long, i=cython.long, acc=cython.long)
def triangle(n):
    acc = 0
    for i in range(n + 1):
        acc += i
    return acc


# An annotation and a @cython.locals entry that agree are fine.
@cython.locals(x=cython.double)
def same(x: cython.double) -> cython.double:
    with cython.nogil:
        y = scale(2, x)
    return y
