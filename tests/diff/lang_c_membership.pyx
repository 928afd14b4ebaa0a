# `x in (a, b, c)` with C numbers on both sides is C `==` against each element
# (as Cython compiles it), also without the GIL; anything else stays Python.
import cython

calls = []


@cython.cfunc
@cython.nogil
def classify(c: cython.int) -> cython.int:
    if c in (1, 2, 3):
        return 1
    if c not in [10, -20, 30]:
        return 2
    return 3


def classify_released(c: cython.int) -> cython.int:
    with cython.nogil:
        r = classify(c)
    return r


def mixed_types(c: cython.int, d: cython.double, k: cython.uchar):
    return d in (1, 2.5), c in {c - 1, 7, 2.0}, k in (200, -56), k not in (255,)


@cython.cfunc
def noted(v: cython.int) -> cython.int:
    calls.append(v)
    return v


def evaluation_order(c: cython.int):
    # Python builds the whole tuple (every call runs) before it compares.
    del calls[:]
    found = noted(c) in (noted(1), noted(2), noted(3))
    return found, list(calls)


def one_element(c: cython.long) -> cython.bint:
    return c in (5,)


def objects(x, c: cython.int):
    # An object on either side: Python's `in`.
    return x in (1, 2), c in (x, 4), c in (1, x), b"a" in (b"a", b"b")
