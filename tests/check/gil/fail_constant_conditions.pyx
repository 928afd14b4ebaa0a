# `nogil(cond)` / `gil(cond)` with a constant condition: a true value releases
# (or takes) the GIL, whatever the literal's spelling; a false `gil(...)` does
# not take it back. A Python object cannot be the condition.
import cython


def needs_gil(x: object) -> object:
    return x


def true_conditions(x: object) -> object:
    with cython.nogil(0x1):
        x = needs_gil(x)  # expected-error PX202
    with cython.nogil(0b10):
        x = needs_gil(x)  # expected-error PX202
    with cython.nogil(0.1):
        x = needs_gil(x)  # expected-error PX202
    with cython.nogil(not 0x0):
        x = needs_gil(x)  # expected-error PX202
    return x


def false_gil_inside_nogil(x: object) -> object:
    with cython.nogil:
        with cython.gil(0x0):
            x = needs_gil(x)  # expected-error PX202
    return x


def object_condition(x: object) -> object:
    with cython.nogil("release"):  # expected-error PX103
        pass
    with cython.nogil(x):  # expected-error PX103
        pass
    return x


def prange_condition(n: cython.int, flag: cython.bint) -> cython.long:
    s: cython.long = 0
    for i in cython.parallel.prange(n, nogil=flag):  # expected-error PX113
        s += i
    for i in cython.parallel.prange(n, nogil=0x0):
        s += i
    return s
