# A struct with a union field, an array of them named by `cython.typedef`,
# filled from constructors and from a dict, and a `def` whose return
# annotation is that array type: it has no Python value (a union), so the
# annotation is not read and the function returns its tuple, as in Cython.
import cython

Number = cython.union(n=cython.int, x=cython.double)
Tagged = cython.struct(is_integral=cython.bint, data=Number)
TaggedPair = cython.typedef(Tagged[2])


def fill(n: cython.int, x: cython.double) -> TaggedPair:  # type: ignore
    a = cython.declare(TaggedPair)
    a[0] = Tagged(is_integral=True, data=Number(n=n))
    a[1] = Tagged(is_integral=False, data={'x': x})
    return a[0].data.n, a[1].data.x, a[0].is_integral, a[1].is_integral


@cython.cfunc
@cython.nogil
def value_of(t: Tagged) -> cython.double:
    if t.is_integral:
        return t.data.n
    return t.data.x


def total(n: cython.int, x: cython.double) -> cython.double:
    a = cython.declare(TaggedPair)
    a[0] = Tagged(True, Number(n=n))
    a[1] = Tagged(False, Number(x=x))
    s: cython.double = 0.0
    with cython.nogil:
        s = value_of(a[0]) + value_of(a[1])
    return s


def sizes():
    return cython.sizeof(Number), cython.sizeof(TaggedPair) == 2 * cython.sizeof(Tagged)

