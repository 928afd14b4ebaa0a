# Pointers to a fused type, chosen from the argument's pointer type or named.
# ok-for: PX117
# expected-no-diagnostics
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cfunc
@cython.nogil
def first(p: cython.pointer[number]) -> number:
    return p[0]


@cython.cfunc
@cython.nogil
def deref(p: cython.pointer(cython.pointer(number))) -> number:
    return p[0][0]


def calls():
    i: cython.int = 2
    d: cython.double = 0.5
    pd: cython.p_double = cython.address(d)
    with cython.nogil:
        a = first(cython.address(i)) + first(pd) + deref(cython.address(pd))
    return a, first[cython.int](cython.address(i))
