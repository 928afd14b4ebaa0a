import abc
import enum
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Color(enum.Enum):
    RED = 1
    GREEN = 2

    def describe(self):
        return f"{self.name}={self.value}"


class Flag(enum.IntFlag):
    A = enum.auto()
    B = enum.auto()


class Pair(NamedTuple):
    left: int
    right: str = "r"

    def swap(self):
        return (self.right, self.left)


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Sq(Shape):
    def area(self):
        return 4


class Tracked:
    subclasses = []

    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Tracked.subclasses.append((cls.__name__, tag))


class Child(Tracked, tag="child"):
    pass


class Named:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + "." + name

    def __get__(self, obj, objtype=None):
        return self.name


class UsesNamed:
    attr = Named()


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"prepared": True}

    def __call__(cls, *args):
        return ("called", cls.__name__, args)


class Prepared(metaclass=OrderedMeta):
    pass


class Dyn:
    def __getattr__(self, name):
        return "dyn:" + name

    def __radd__(self, other):
        return ("radd", other)


class Body:
    items = [1, 2, 3]
    doubled = [x * 2 for x in items]
    total = sum(items)
    sq = lambda self, v: v * v
    if total > 3:
        big = True
    else:
        big = False


def run_all():
    out = []
    out.append((Color.RED.describe(), Color(2), list(Color), Flag.A | Flag.B))
    p = Pair(1)
    out.append((p, p.swap(), Pair._fields, p._replace(left=5)))
    out.append((Box[int](3).item, Box.__orig_bases__ if hasattr(Box, "__orig_bases__") else None, Box.__mro__[1].__name__))
    try:
        Shape()
    except TypeError as e:
        out.append("abstract: " + str(e))
    out.append(Sq().area())
    out.append(Tracked.subclasses)
    out.append(UsesNamed().attr)
    out.append((Prepared.prepared, Prepared(1, 2)))
    out.append((Dyn().foo, 1 + Dyn()))
    out.append((Body.doubled, Body.total, Body().sq(3), Body.big))
    return out
