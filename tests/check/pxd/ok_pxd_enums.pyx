# expected-no-diagnostics
# ok-for: PX123
# The enums of ok_pxd_enums.pxd: a parameter and a result of an enum type,
# struct fields, comparisons, casts, constants read without the GIL.
import cython


def pick(n):
    if n > 0:
        return main
    return starter


def serve(g: cython.int):
    p: plate
    with cython.nogil:
        p.grams = g * PORTIONS
        p.kind = dessert
    s: sign = minus
    return p.grams, p.kind == dessert, s != plus, cython.cast(cython.int, s), cython.cast(course, 6)
