# A cpdef enum's C values inside a C tuple, a struct and libcpp containers
# become the enum's members where the whole value becomes a Python object (a
# result, an argument of a Python call), element by element.
import cython
from cython.cimports.libcpp.map import map
from cython.cimports.libcpp.set import set as cset
from cython.cimports.libcpp.utility import pair
from cython.cimports.libcpp.vector import vector

if not cython.compiled:
    from enum import IntFlag

    glaze = IntFlag("glaze", [("matte", 1), ("gloss", 2), ("crackle", 4)], module=__name__)
    glaze._member_names_ = list(glaze.__members__)
    matte, gloss, crackle = glaze.matte, glaze.gloss, glaze.crackle

    class pot:
        def __init__(self, grams, finish):
            self.grams, self.finish = grams, finish


def tagged(n: cython.int) -> tuple[glaze, cython.int]:
    t: tuple[glaze, cython.int] = (glaze.gloss, n)
    return t


def tagged_local(n: cython.int):
    t: tuple[cython.int, glaze] = (n, crackle)
    return t


def finishes() -> vector[glaze]:
    v: vector[glaze] = vector[glaze]()
    v.push_back(matte)
    v.push_back(glaze.crackle)
    return v


def by_weight():
    m: map[cython.int, glaze] = map[cython.int, glaze]()
    m[100] = gloss
    m[50] = matte
    return m


def kinds():
    s: cset[glaze] = cset[glaze]()
    s.insert(crackle)
    s.insert(crackle)
    return s


def first() -> pair[glaze, cython.double]:
    p: pair[glaze, cython.double] = pair[glaze, cython.double](matte, 1.5)
    return p


def counts():
    m: map[glaze, cython.int] = map[glaze, cython.int]()
    m[gloss] = 2
    m[matte] += 1
    return m


def describe(x):
    return repr(x)


def passed():
    v: vector[glaze] = vector[glaze]()
    v.push_back(gloss)
    return describe(v), describe(tagged(2))


def plate(grams: cython.int):
    p: pot = pot(grams=grams, finish=crackle)
    return p

