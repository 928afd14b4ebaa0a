# cython.operator: dereference of typed pointers and of a vector's begin()/end(),
# the increments and decrements of C locals (numbers, typed pointers), without the GIL too.
# expected-no-diagnostics
import cython
from cython.cimports.cython.operator import dereference as deref
from cython.cimports.libcpp.vector import vector
from cython.operator import dereference, postdecrement, postincrement, predecrement, preincrement

Point = cython.struct(x=cython.int, y=cython.double)


@cython.cfunc
@cython.nogil
def walk(p: cython.p_int, n: cython.int) -> cython.int:
    total: cython.int = 0
    end: cython.p_int = p + n
    while p != end:
        total += dereference(p)
        preincrement(p)
    return total


def counters(x: cython.int, d: cython.double, c: cython.uchar):
    a = preincrement(x)
    b = postincrement(x)
    e = predecrement(d)
    f = postdecrement(c)
    return a, b, e, f, x, d, c


@cython.cfunc
def through(points: cython.pointer(Point), v: vector[cython.long]) -> tuple:
    first = deref(points)
    return first.x, deref(points).y, cython.operator.dereference(v.begin() + 1), deref(v.end() - 1)
