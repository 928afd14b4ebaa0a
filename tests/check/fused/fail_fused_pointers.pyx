# Pointers to a fused type: the members must be C numbers, and the argument's
# pointer type must be one of them exactly.
import cython

number = cython.fused_type(cython.int, cython.double)
mixed = cython.fused_type(cython.int, object)


@cython.cfunc
def first(p: cython.pointer[number]) -> number:
    return p[0]


@cython.cfunc
def bad(p: cython.pointer[mixed]) -> cython.int:  # expected-error PX117: a pointer to the fused type `mixed`, whose member `object` is no C number
    return 0


def calls():
    f: cython.float = 1.5
    i: cython.int = 2
    a = first(cython.address(f))  # expected-error PX117: no member fits the argument types
    b = first(cython.cast(cython.p_long, cython.address(i)))  # expected-error PX117: no member fits
    return a, b
