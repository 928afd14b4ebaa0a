# A cpdef enum's class is a Python global (read with the GIL); its values are
# C constants, also through the class's name, and are the enum's only values.
import cython


def classes(n: cython.int) -> cython.int:
    g: glaze = glaze.gloss
    with cython.nogil:
        h = glaze  # expected-error PX201: reading a Python global `glaze`
        g = glaze.matte
    return cython.cast(cython.int, g)


def values() -> cython.int:
    k: glaze = glaze.shiny  # expected-error PX302: `shiny` is not a value
    j: glaze = 2  # expected-error PX103
    return 0


def arithmetic(g: glaze):
    return g | glaze.gloss  # expected-error PX302: the operator `|` on the C enum `glaze`
