# An unannotated local that is only ever assigned instances of one extension
# type (`b = Box(3)`, `b = cython.cast(Box, o)`) is typed as that type, as
# Cython infers it: its private C fields and C methods work on it, also
# without the GIL, as the attributes do in plain Python.
import cython


@cython.cclass
class Box:
    w: cython.int

    def __init__(self, w: cython.int):
        self.w = w

    @cython.cfunc
    def doubled(self) -> cython.int:
        return self.w * 2


@cython.cclass
class Crate(Box):
    depth: cython.int


def constructed():
    b = Box(3)
    b.w += 1
    return b.w, b.doubled()


def temporary():
    return Box(5).w + Box(6).doubled()


def from_cast(o):
    b = cython.cast(Box, o)
    return b.w


def without_gil(n: cython.int) -> cython.int:
    c = Crate(n)
    c.depth = 2
    r: cython.int
    with cython.nogil:
        r = c.w * c.depth
    return r


def rebound(flag):
    b = Box(1)
    if flag:
        b = "not a box"  # another type too: an object, so attributes are Python's
    return b if flag else b.w


def shadowed(kinds):
    # A comprehension's variable hides the type's name: these calls make whatever it holds.
    return [Box() for Box in kinds]
