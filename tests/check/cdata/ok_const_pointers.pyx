# expected-no-diagnostics
# ok-for: PX129
# Pointers to const, as Cython's `const T *`: read through them, move them,
# pass a pointer to non-const where one to const is wanted, cast the const
# away explicitly, and write through a pointer to non-const.
import cython
from cython.cimports.libc.string import memcpy, strlen

Pair = cython.struct(a=cython.int, b=cython.double)


@cython.cfunc
@cython.nogil
def total(p: cython.pointer(cython.const[cython.int]), n: cython.Py_ssize_t) -> cython.long:
    s: cython.long = 0
    i: cython.Py_ssize_t
    for i in range(n):
        s += p[i]
    return s


def use(n: cython.int) -> cython.long:
    data = cython.declare(cython.int[4])
    q: cython.p_int = cython.address(data[0])
    k: cython.int
    for k in range(4):
        q[k] = n + k
    c: cython.pointer(cython.const[cython.int]) = q
    c += 1
    back: cython.p_int = cython.cast(cython.p_int, c)
    back[0] = 7
    with cython.nogil:
        return total(q, 4) + c[0]


@cython.cfunc
def fields(q: cython.pointer(cython.const[Pair])) -> cython.double:
    return q.a + q[0].b


@cython.cfunc
def copy(src: cython.pointer(cython.const[cython.double]), dst: cython.p_double):
    memcpy(dst, src, 8)


def text(b: bytes) -> cython.size_t:
    s: cython.pointer(cython.const[cython.char]) = b
    return strlen(s)


@cython.cfunc
def two_levels(pp: cython.pp_int) -> cython.int:
    qq: cython.pointer(cython.const[cython.pointer(cython.const[cython.int])]) = pp
    return qq[0][0]
