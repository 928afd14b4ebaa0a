# expected-no-diagnostics
# ok-for: PX301 PX201 PX202
# An extension type deriving from a cimported one: its own fields and C methods,
# the base's exported fields and C methods (a nogil one without the GIL), and a
# type of this module deriving from it in turn.
import cython
from cython.cimports.shapes_decl import Shape


@cython.cclass
class Polygon(Shape):
    perimeter: cython.double
    title = cython.declare(str, visibility='public')

    def __init__(self, sides: cython.int, perimeter: cython.double):
        self.sides = sides
        self.perimeter = perimeter
        self.title = "polygon"

    @cython.cfunc
    @cython.nogil
    def edge(self) -> cython.double:
        return self.perimeter / self.corners()

    def describe(self) -> str:
        return self.label(self.title)


@cython.final
@cython.cclass
class Regular(Polygon):
    @cython.cfunc
    @cython.nogil
    def edge(self) -> cython.double:
        return self.perimeter / self.sides


def edge_of(p: Polygon) -> cython.double:
    e: cython.double
    with cython.nogil:
        p.sides += 0
        e = p.edge()
    return e
