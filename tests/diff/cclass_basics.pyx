# Extension types: C fields declared by annotation and by cython.declare, their
# visibility, __init__/__cinit__/__dealloc__, methods reading and writing
# fields as C values, typed parameters and locals, special methods, subclasses
# written in Python.
import cython
from typing import ClassVar, Optional

log = []


@cython.freelist(16)  # changes no behaviour: Cython reuses freed instances
@cython.cclass
class Point:
    """A point in the plane."""
    x: cython.double
    y = cython.declare(cython.double, visibility='public')
    cython.declare(moves=cython.int, visibility='readonly')
    label: str
    history: list
    cython.declare(tag=object, visibility='public')
    dimensions: ClassVar[int] = 2  # an attribute of the type, not a field

    def __cinit__(self, *args, **kwargs):
        log.append(("cinit", len(args)))
        self.moves = 0

    def __init__(self, x: cython.double, y: cython.double, label: str = "p"):
        self.x = x
        self.y = y
        self.label = label
        self.history = []

    def __dealloc__(self):
        log.append("dealloc")

    def norm2(self) -> cython.double:
        return self.x * self.x + self.y * self.y

    def move(self, dx: cython.double, dy: cython.double = 0.0):
        self.x += dx
        self.y = self.y + dy
        self.moves += 1
        self.history.append((dx, dy))
        self.label += "'"
        return self

    def getx(self):
        return self.x

    def summary(self):
        return (self.label, self.moves, len(self.history), self.tag)

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.label!r})"

    def __eq__(self, other):
        return isinstance(other, Point) and self.y == other.y

    def __lt__(self, other):
        return self.y < other.y

    def __len__(self):
        return self.moves

    @property
    def xy(self):
        return (self.x, self.y)

    @xy.setter
    def xy(self, value):
        self.x, self.y = value

    @staticmethod
    def origin():
        return Point(0.0, 0.0, "o")

    @classmethod
    def named(cls, label):
        return cls(1.0, 1.0, label)


def dist2(a: Point, b: Point) -> cython.double:
    dx: cython.double = a.x - b.x
    dy: cython.double = a.y - b.y
    return dx * dx + dy * dy


def maybe_x(p: Optional[Point] = None):
    if p is None:
        return "none"
    return p.x


def local_instance(obj):
    p: Point = obj
    return p.y


def shift_all(points: list, d: cython.double):
    total: cython.double = 0
    for obj in points:
        p: Point = obj
        p.x += d
        total += p.x
    return total


def field_of_none():
    p: Point = None
    return p.x


def make_and_drop():
    p = Point(1.0, 2.0)
    p.move(1.0)
    return p.norm2()
