# `@cython.cclass class X(object)`: the explicit `object` base is the implicit
# one (as in Cython and Python 3): the same type, fields, methods, comparisons,
# subclasses (extension and Python ones) as without it.
import cython


@cython.cclass
class Point(object):
    x: cython.double
    y = cython.declare(cython.double, visibility="readonly")

    def __init__(self, x: cython.double, y: cython.double):
        self.x = x
        self.y = y

    def norm2(self) -> cython.double:
        return self.x * self.x + self.y * self.y

    def __eq__(self, other):
        return isinstance(other, Point) and self.norm2() == other.norm2()

    def __lt__(self, other):
        return self.norm2() < other.norm2()

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


@cython.cclass
class Labelled(Point):
    label: str

    def __init__(self, x: cython.double, y: cython.double, label: str):
        Point.__init__(self, x, y)
        self.label = label

    def __repr__(self):
        return self.label + ":" + Point.__repr__(self)


class Plain(Point):
    pass


def bases():
    return [c.__name__ for c in Point.__bases__], [c.__name__ for c in Labelled.__mro__]


def sums(p: Point) -> cython.double:
    return p.x + p.y
