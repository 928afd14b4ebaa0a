# A pointer to const is `T const*`; a pointer to non-const converts to it
# implicitly; a cast that drops the const is C's cast.
import cython


@cython.cfunc
@cython.nogil
def first(p: cython.pointer(cython.const[cython.int])) -> cython.int:
    return p[0]


@cython.cfunc
@cython.nogil
def poke(p: cython.p_int) -> cython.int:
    c: cython.pointer(cython.const[cython.int]) = p
    q: cython.p_int = cython.cast(cython.p_int, c)
    q[0] = 1
    return first(p)
