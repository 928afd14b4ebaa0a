import dataclasses
from dataclasses import dataclass, field


class Shape:
    """A shape."""
    sides = 0
    count = sides + 1

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} with {self.sides} sides"

    @staticmethod
    def unit():
        return "unit"

    @classmethod
    def make(cls, name):
        return cls(name)

    @property
    def label(self):
        return self.name.upper()

    def __repr__(self):
        return "Shape(" + repr(self.name) + ")"


class Square(Shape):
    sides = 4

    def __init__(self, name, size=1):
        super().__init__(name)
        self.size = size

    def describe(self):
        return super().describe() + f" of size {self.size}"

    def area(self):
        return self.size * self.size


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

    def norm1(self):
        return abs(self.x) + abs(self.y)


@dataclasses.dataclass(frozen=True)
class Frozen:
    a: int = 1


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by_meta"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)


class WithMeta(metaclass=Meta, tag="hello"):
    pass


def shapes():
    s = Square("sq", 3)
    return (s.describe(), s.area(), s.label, Square.unit(), Shape.make("m").describe(), repr(s),
            Shape.count, Shape.__doc__, Square.__qualname__, Square.__module__ == __name__,
            Square.describe.__qualname__, isinstance(s, Shape))


def points():
    p = Point(3, -4)
    q = Point(1)
    q.tags.append("t")
    try:
        Frozen().a = 2
        frozen = "mutable"
    except dataclasses.FrozenInstanceError:
        frozen = "frozen"
    return repr(p), p.norm1(), p == Point(3, -4), repr(q), frozen, [f.name for f in dataclasses.fields(Point)]


def meta():
    return WithMeta.made_by_meta, type(WithMeta).__name__
