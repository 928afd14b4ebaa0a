# The enums of pxd_enums.pxd: enum parameters and results at the Python
# boundary (Python ints), struct fields, comparisons, casts, and constants
# read without the GIL. Plain Python runs the same code on ints.
import cython

if not cython.compiled:
    starter, main, dessert = 0, 5, 6
    minus, zero, plus = -1, 0, 1
    PORTIONS, SPARE = 4, 16
    course = sign = int

    class plate:
        def __init__(self, grams, kind):
            self.grams, self.kind = grams, kind


def serve(g: cython.int):
    p: plate = plate(grams=0, kind=starter)
    with cython.nogil:
        p.grams = g * PORTIONS
        p.kind = dessert
    return p.grams, p.kind


def pick(n: cython.int) -> course:
    c: course = starter
    if n > 0:
        c = main
    return c


def is_main(c: course) -> cython.bint:
    return c == main


def signs():
    s: sign = minus
    t: sign = plus
    return s, s < t, zero, SPARE + 1, cython.cast(cython.int, s) - 1


def menu():
    return [starter, main, dessert], f"{dessert} and {minus}"


def kinds():
    c: course = main
    return cython.typeof(c), cython.typeof(minus), cython.typeof(PORTIONS)
