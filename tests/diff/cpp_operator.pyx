# cython.operator: dereference of typed pointers, of a pointer to a struct and
# of a vector's begin()/end() (offset); the increments and decrements of C
# locals (integers wrap as `x += 1` does, floats, pointers), in Python's
# evaluation order, without the GIL too; a range loop's variable incremented
# in the body (the loop and the bounds checks are not fooled).
import cython
from cython.cimports.cython.operator import dereference as deref
from cython.cimports.libc.stdlib import free, malloc
from cython.cimports.libcpp.algorithm import nth_element
from cython.cimports.libcpp.vector import vector
from cython.operator import dereference, postdecrement, postincrement, predecrement, preincrement

Point = cython.struct(x=cython.int, y=cython.double)


def first_and_third(items):
    n: cython.Py_ssize_t = len(items)
    p = cython.cast(cython.p_double, malloc(cython.sizeof(cython.double) * n))
    i: cython.Py_ssize_t
    for i in range(n):
        p[i] = items[i]
    result = dereference(p), deref(p + 2)
    free(p)
    return result


def point_fields(x: cython.int, y: cython.double):
    pt: Point = Point(x, y)
    pp = cython.address(pt)
    before = deref(pp).x
    deref(pp).x = x * 2
    return before, dereference(pp).y, deref(pp)


def vector_ends(items):
    v = cython.declare(vector[cython.long], items)
    return deref(v.begin()), deref(v.end() - 1), deref(v.begin() + 1)


def middle(items):
    n: cython.Py_ssize_t = len(items)
    scratch = cython.cast(cython.p_double, malloc(cython.sizeof(cython.double) * n))
    i: cython.Py_ssize_t
    for i in range(n):
        scratch[i] = items[i]
    mid: cython.p_double = scratch + n // 2
    with cython.nogil:
        nth_element(scratch, mid, scratch + n)
        m = dereference(mid)
    free(scratch)
    return m


def counters(x: cython.int):
    a = preincrement(x)
    b = postincrement(x)
    c = predecrement(x)
    d = postdecrement(x)
    return a, b, c, d, x


def wraps(x: cython.int, c: cython.uchar):
    old = postincrement(c)
    return preincrement(x), old, c


def floats(d: cython.double):
    return preincrement(d), postdecrement(d), d


def in_order(x: cython.int):
    return x + preincrement(x) + x, [postincrement(x), x, predecrement(x), x]


@cython.cfunc
@cython.nogil
def total(p: cython.p_int, n: cython.int) -> cython.int:
    s: cython.int = 0
    end: cython.p_int = p + n
    while p != end:
        s += dereference(p)
        preincrement(p)
    last: cython.p_int = end
    predecrement(last)
    return s * 100 + dereference(last)


def summed(items):
    n: cython.int = len(items)
    p = cython.cast(cython.p_int, malloc(cython.sizeof(cython.int) * n))
    i: cython.int
    for i in range(n):
        p[i] = items[i]
    with cython.nogil:
        result = total(p, n)
    free(p)
    return result


def skipping(n: cython.int):
    out = []
    i: cython.int
    for i in range(n):
        preincrement(i)
        out.append(i)
    return out


def shifted(v: cython.int[:]):
    s: cython.int = 0
    i: cython.Py_ssize_t
    for i in range(v.shape[0]):
        preincrement(i)
        s += v[i]
    return s
