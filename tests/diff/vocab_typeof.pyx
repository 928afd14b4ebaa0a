# cython.typeof(x): the static type's name as Cython spells it (compiled); the
# plain-Python stand-in answers type(x).__name__, as Cython's shadow module does.
import cython


def c_types(a: cython.int, b: cython.ulong, c: cython.double, d: cython.bint, e: cython.Py_ssize_t):
    f: cython.float = 1.5
    g: cython.slonglong = 3
    return (cython.typeof(a), cython.typeof(b), cython.typeof(c), cython.typeof(d), cython.typeof(e),
            cython.typeof(f), cython.typeof(g))


def object_types(a: list, b: dict, c, d: int, e: str):
    return cython.typeof(a), cython.typeof(b), cython.typeof(c), cython.typeof(d), cython.typeof(e)


def inferred(n: cython.int):
    total = 0
    for i in range(n):
        total += i
    return cython.typeof(total), total
