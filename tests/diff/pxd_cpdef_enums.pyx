# The cpdef enums of pxd_cpdef_enums.pxd: values read as C constants (also
# through the enum's name, without the GIL), converted to the class's members
# at the Python boundary, and the class and anonymous values as module
# attributes. Plain Python builds the same objects itself.
import cython

if not cython.compiled:
    from enum import IntFlag

    glaze = IntFlag("glaze", [("matte", 1), ("gloss", 2), ("crackle", 4), ("satin", 6)], module=__name__)
    glaze._member_names_ = list(glaze.__members__)  # as Cython lists them (Python 3.11+ would not)
    glaze.__doc__ = "Finishes of a pot."
    matte, gloss, crackle, satin = glaze.matte, glaze.gloss, glaze.crackle, glaze.satin
    KILNS, SHELVES = 3, 12
    bisque, raku, stoneware = 0, 5, 6

    class firing:
        bisque, raku, stoneware = 0, 5, 6

    class pot:
        def __init__(self, grams, finish):
            self.grams, self.finish = grams, finish


def shiny(n: cython.int) -> glaze:
    g: glaze = matte
    if n > 0:
        g = glaze.gloss
    return g


def round_trip(g: glaze):
    return g


def finishes():
    return [matte, glaze.crackle, satin], glaze.satin == 6


def fire(grams: cython.int):
    p: pot = pot(grams=0, finish=matte)
    total: cython.int = 0
    with cython.nogil:
        p.grams = grams * KILNS
        p.finish = glaze.crackle
        total = SHELVES + cython.cast(cython.int, p.finish) + cython.cast(cython.int, firing.raku)
    return p.grams, p.finish, total


def members():
    return list(glaze), glaze(2), glaze["crackle"], glaze.__doc__


def is_gloss(g: glaze) -> cython.bint:
    return g == glaze.gloss


@cython.cclass
class Kiln:
    finish: glaze
    cython.declare(last=glaze, visibility='public')

    def __init__(self):
        self.finish = glaze.satin
        self.last = matte

    def current(self):
        return self.finish


def with_default(g: glaze = glaze.gloss):
    return g


def label(g: glaze):
    return repr(g), [g], {"finish": g}
