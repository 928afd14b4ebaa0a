# Pointers to const: read through, never written (PX129), and a pointer to
# const does not convert to a pointer to non-const (PX103) except by a cast.
import cython
from cython.cimports.libc.string import memset

Pair = cython.struct(a=cython.int, b=cython.double[2])


@cython.cfunc
def store(p: cython.pointer(cython.const[cython.int]), n: cython.int) -> cython.int:
    p[0] = n  # expected-error PX129: cannot store through `p`
    p[1] += n  # expected-error PX129: `p`
    return p[0]


@cython.cfunc
def fields(q: cython.pointer(cython.const[Pair])) -> cython.double:
    q.a = 1  # expected-error PX129: `q`
    q[0].b[1] = 2.0  # expected-error PX129: `q`
    return q.b[0]


@cython.cfunc
def levels(pp: cython.pointer(cython.pointer(cython.const[cython.int]))):
    pp[0][0] = 3  # expected-error PX129: `pp[0]`
    pp[0] = cython.NULL  # the pointer itself is not const


@cython.cfunc
def drops(p: cython.pointer(cython.const[cython.int])):
    q: cython.p_int = p  # expected-error PX103: cannot convert
    memset(p, 0, 4)  # expected-error PX103: cannot convert


@cython.cfunc
def adds_two_levels(pp: cython.pp_int):
    qq: cython.pointer(cython.pointer(cython.const[cython.int])) = pp  # expected-error PX103: cannot convert


@cython.cfunc
def nogil_store(p: cython.pointer(cython.const[cython.double])):
    with cython.nogil:
        p[2] = 1.0  # expected-error PX129: `p`


@cython.cfunc
def const_void(p: cython.pointer(cython.const[cython.void])):  # expected-error PX304: `cython.const` `void`
    pass
