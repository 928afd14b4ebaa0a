# cython.operator: dereference is `*p`; an increment stores through a temporary
# (wrapping as `x += 1`), so reads of its local around it are ordered.
import cython
from cython.cimports.cython.operator import dereference as deref
from cython.cimports.libcpp.vector import vector
from cython.operator import postdecrement, preincrement


@cython.cfunc
@cython.nogil
def total(p: cython.p_int, n: cython.int) -> cython.int:
    s: cython.int = 0
    end: cython.p_int = p + n
    while p != end:
        s += deref(p)
        preincrement(p)
    return s


def ordered(x: cython.int, c: cython.uchar, d: cython.double):
    return x + preincrement(x) + x, postdecrement(c), preincrement(d)


def first(v: vector[cython.long]):
    return deref(v.begin() + 1)
