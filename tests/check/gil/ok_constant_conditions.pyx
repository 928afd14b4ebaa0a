# `nogil(cond)` / `gil(cond)` with a constant condition: the value is evaluated
# (as Python would), not compared as text. A false condition keeps the GIL, so
# Python work inside is fine; a true `gil(...)` takes it back.
# expected-no-diagnostics
import cython


def needs_gil(x: object) -> object:
    return x


def false_conditions(x: object) -> object:
    with cython.nogil(0x0):
        x = needs_gil(x)
    with cython.nogil(0):
        x = needs_gil(x)
    with cython.nogil(0b0):
        x = needs_gil(x)
    with cython.nogil(0o00):
        x = needs_gil(x)
    with cython.nogil(0_0):
        x = needs_gil(x)
    with cython.nogil(0X_0):
        x = needs_gil(x)
    with cython.nogil(-0):
        x = needs_gil(x)
    with cython.nogil(0.0):
        x = needs_gil(x)
    with cython.nogil(0e9):
        x = needs_gil(x)
    with cython.nogil(False):
        x = needs_gil(x)
    with cython.nogil(None):
        x = needs_gil(x)
    with cython.nogil(not 1):
        x = needs_gil(x)
    with cython.nogil(not 0x10):
        x = needs_gil(x)
    return x


def true_conditions_inside_nogil(x: object) -> object:
    with cython.nogil:
        with cython.gil(0x1):
            x = needs_gil(x)
        with cython.gil(1):
            x = needs_gil(x)
        with cython.gil(0b1):
            x = needs_gil(x)
        with cython.gil(True):
            x = needs_gil(x)
        with cython.gil(not 0x0):
            x = needs_gil(x)
        with cython.gil(0.5):
            x = needs_gil(x)
        with cython.gil(-7):
            x = needs_gil(x)
    return x


def prange_constant(n: cython.int) -> cython.long:
    s: cython.long = 0
    for i in cython.parallel.prange(n, nogil=0x0):
        s += i
    for i in cython.parallel.prange(n, nogil=1):
        s += i
    return s
