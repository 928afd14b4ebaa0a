# Pointers to a fused type: one specialisation per member, picked at compile
# time from the pointer type of the argument, also without the GIL.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cfunc
@cython.nogil
def doubled(p: cython.pointer[number]) -> number:
    return p[0] * 2


@cython.cfunc
def bump(p: cython.pointer(number), by: number) -> cython.void:
    p[0] += by


@cython.cfunc
@cython.nogil
def total(p: cython.pointer[cython.pointer[number]], n: cython.int) -> number:
    s: number = 0
    i: cython.int
    for i in range(n):
        s += p[0][i]
    return s


def scalars(n: cython.int, x: cython.double):
    ints = cython.declare(cython.int[2])
    reals = cython.declare(cython.double[2])
    ints[0] = n
    reals[0] = x
    pi: cython.p_int = ints
    pd: cython.p_double = reals
    bump(pi, 3)
    bump(pd, 0.25)
    with cython.nogil:
        r = doubled(pi)
        s = doubled(pd)
    return ints[0], reals[0], r, s


def through_pointers(n: cython.int):
    values = cython.declare(cython.double[4])
    i: cython.int
    for i in range(4):
        values[i] = n + i / 2
    p: cython.p_double = values
    q: cython.pp_double = cython.address(p)
    with cython.nogil:
        t = total(q, 4)
    return t, doubled(p)
