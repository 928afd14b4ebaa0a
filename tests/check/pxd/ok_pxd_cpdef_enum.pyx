# expected-no-diagnostics
# A cpdef enum: its values (also as `glaze.gloss`) are C constants read
# without the GIL; the class is a Python object of the module.
import cython


def pick(n: cython.int) -> glaze:
    g: glaze = matte
    with cython.nogil:
        if n > KILNS:
            g = glaze.gloss
    return g


def members():
    return list(glaze), glaze(1), glaze["gloss"], glaze.__doc__
