# expected-no-diagnostics
# ok-for: PX201 PX202
# Extension types of another pyxx module: annotations, C fields (without the GIL
# for C ones), C methods (a nogil one without the GIL), casts and isinstance.
import cython
from cython.cimports.shapes_decl import Shape, Square


def corners(s: Shape) -> cython.int:
    n: cython.int
    with cython.nogil:
        s.sides += 1
        n = s.corners()
    return n


def labelled(s: Shape) -> str:
    s.name = "shape"
    return s.label("a ")


def area(q: Square) -> cython.double:
    with cython.nogil:
        return q.side * q.side + q.sides


def side_of(x) -> cython.double:
    if isinstance(x, Square):
        return x.side
    q: Square = cython.cast(Square, x)
    return q.side


def made(n: cython.int) -> Shape:
    s: Shape = Shape()
    s.sides = n
    return s
