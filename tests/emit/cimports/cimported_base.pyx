# An extension type deriving from a cimported one: its struct follows the base's
# instance at an offset read from the base type object when the class statement
# runs; tp_new, tp_dealloc, traverse and clear chain to the base type's slots;
# its own C methods have a vtable of their own, in its part.
import cython
from cython.cimports.figures_decl import Figure


@cython.cclass
class Polygon(Figure):
    perimeter: cython.double
    title = cython.declare(str, visibility='public')
    size = cython.declare(cython.double, visibility='readonly')

    @cython.cfunc
    @cython.nogil
    def edge(self) -> cython.double:
        return self.perimeter / self.corners()


@cython.cclass
class Square(Polygon):
    @cython.cfunc
    @cython.nogil
    def edge(self) -> cython.double:
        return self.perimeter / 4


def edge_of(p: Polygon) -> cython.double:
    return p.edge() + p.sides
