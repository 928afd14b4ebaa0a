# The Python entry point of fused functions: Python int, float, complex and
# buffers pick the member Cython 3 picks; defaults, keywords, calls by name.
import cython

pair = cython.fused_type(cython.int, cython.double)
views = cython.fused_type(cython.int[:], cython.double[:])


def kind_of(x: cython.numeric):
    if cython.compiled:
        return cython.typeof(x)
    return {int: "long", bool: "long", float: "double", complex: "double complex"}[type(x)]


def widest(x: cython.integral = 7) -> cython.integral:
    # A Python int takes `long`, the widest member (Cython prefers it).
    return x * 2


def two(a: pair, b: cython.floating = 0.5):
    return a + b


def first(v: views):
    return v[0]


def element_sum(v: pair[:]) -> cython.double:
    s: cython.double = 0.0
    for x in v:
        s += x
    return s


def by_name(n: cython.long):
    # A `def` specialisation called from compiled code: natively, through its name.
    return widest(n), two(cython.cast(cython.int, n), 1.0), two(2.5)
