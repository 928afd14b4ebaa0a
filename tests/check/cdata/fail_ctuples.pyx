# C tuples: what pyxx (and Cython) refuses, each with its reason.
import cython


@cython.cfunc
def make() -> tuple[cython.int, cython.double]:
    return 1, 2.0


def indices(i: cython.int):
    t: tuple[cython.int, cython.double] = make()
    a = t[2]  # expected-error PX113: index 2 is out of range for `tuple[cython.int, cython.double]` (2 elements)
    b = t[-3]  # expected-error PX113: index -3 is out of range
    c = t[i]  # expected-error PX302: a C tuple indexed by a value known only at run time (`t[i]`) expected-note: unpack it
    d = t.f0  # expected-error PX113: has no attribute `f0`
    del t[0]  # expected-error PX110: delete an element of `tuple[cython.int, cython.double]`
    return a, b, c, d


def shapes():
    t: tuple[cython.int, cython.double] = (1, 2.0, 3)  # expected-error PX103: cannot convert a tuple of 3 values to `tuple[cython.int, cython.double]`
    v: tuple[cython.int, cython.double] = make()
    x, y, z = v  # expected-error PX103: cannot convert `tuple[cython.int, cython.double]` to 3 targets
    x, *rest = v  # expected-error PX301: a starred or nested target
    w: tuple[cython.double, cython.int] = v  # expected-error PX103: cannot convert `tuple[cython.int, cython.double]` to `tuple[cython.double, cython.int]`
    return t, w


def operations(o: object):
    t: tuple[cython.int, cython.int] = (1, 2)
    u: tuple[cython.int, cython.int] = (1, 2)
    if t:  # expected-error PX111: truth test
        pass
    return t == u  # expected-error PX111: comparison


def elements(o: object):
    a: tuple[cython.int, float] = (1, 2.0)  # expected-error PX113: a C tuple element must be a C type, not `float`
    b: tuple[cython.int, complex] = (1, 2j)  # expected-error PX113: a C tuple element must be a C type, not `complex`
    c: tuple[cython.int, cython.double[:]]  # expected-error PX113: not `cython.double[:]`
    return a, b


def without_gil(t: tuple[cython.int, cython.int], o: object):
    obj: object
    with cython.nogil:  # expected-note: the GIL is released here expected-note: the GIL is released here
        u: tuple[cython.int, cython.int] = (t[1], t[0])
        obj = t  # expected-error PX201
        v: tuple[cython.int, cython.int] = o  # expected-error PX201
    return obj, u, v


@cython.cfunc
def pointers(p: cython.p_int) -> tuple[cython.int, cython.p_int]:
    return 1, p


def python_pointer(p: cython.int):
    return pointers(cython.address(p))  # expected-error PX103: cannot convert `tuple[cython.int, cython.pointer(cython.int)]` to a Python object
