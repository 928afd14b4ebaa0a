# The class is made by the exec function before the module's code; a C value
# of the enum becomes its member through that class; `glaze.gloss` is the C
# constant.
import cython


def pick(n: cython.int) -> glaze:
    g: glaze = matte
    if n > KILNS:
        g = glaze.gloss
    return g
