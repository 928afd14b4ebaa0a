# The module beside pxd_fused_declarations.pxd: its functions are fused there.
import cython

if not cython.compiled:
    number = cython.fused_type(cython.int, cython.double)
    real = cython.fused_type(cython.float, cython.double)


def twice(x):
    return x * 2


def halve(v):
    return v / 2


def mean(a, b):
    return (a + b) / 2


def clamp(x, low, high):
    if number is cython.int:
        return min(max(x, low), high)
    else:
        return x if low <= x <= high else (low if x < low else high)


def halves(n: cython.int, d: cython.double):
    with cython.nogil:
        h = halve(d)
    return halve(cython.cast(cython.float, n)), h


def clamps(n: cython.int, d: cython.double):
    return clamp(n, 0, 10), clamp(d, 0.5, 1.5)


def named(n: cython.int):
    if cython.compiled:
        return twice[cython.double](n)  # the index names the specialisation
    else:
        return twice(cython.cast(cython.double, n))


def kinds():
    return cython.typeof(twice(1)), cython.typeof(twice(1.0))


class Meter:
    def __init__(self):
        self.total = 0.0

    def scaled(self, v):
        self.total += v
        return v * 3

    def feed(self, x: cython.double):
        return self.scaled(x), self.total
