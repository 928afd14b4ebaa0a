# A pointer to a fused type: each specialisation takes a pointer to its member.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cfunc
@cython.nogil
def first(p: cython.pointer[number]) -> number:
    return p[0]


def use(n: cython.int):
    a = cython.declare(cython.int[2])
    a[0] = n
    p: cython.p_int = a
    return first(p)
