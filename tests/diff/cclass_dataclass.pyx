# `@cython.dataclasses.dataclass` extension types: the generated __init__
# (defaults, default factories, init=False, __post_init__), __repr__ (repr=False),
# comparisons (compare=False, order=True), __hash__ (unsafe_hash, hash=), and
# __dataclass_fields__ for the dataclasses module's functions.
import cython


@cython.dataclasses.dataclass(order=True, unsafe_hash=True)
@cython.cclass
class Point:
    x: cython.int = 0
    y: cython.double = cython.dataclasses.field(default=1.5)
    tags: list = cython.dataclasses.field(default_factory=list, compare=False, hash=False)
    note: object = cython.dataclasses.field(default=None, repr=False, compare=False)

    def norm1(self) -> cython.double:
        return abs(self.x) + abs(self.y)


@cython.dataclasses.dataclass
class Named:
    name: str
    count: cython.long = 3
    seen: list = cython.dataclasses.field(default_factory=list, init=False, repr=False)

    def __post_init__(self):
        self.count += 1
        self.seen.append(self.name)


@cython.dataclasses.dataclass(eq=False, repr=False)
@cython.cclass
class Plain:
    value: cython.double

    def __repr__(self):
        return f"<{self.value}>"


@cython.dataclasses.dataclass(init=False)
@cython.cclass
class Manual:
    a: cython.int
    b: object = "b"

    def __init__(self, a):
        self.a = a * 2


# Cython 3's shorter spellings of the decorator and the field.
@cython.dataclass(order=True)
@cython.cclass
class Short:
    a: cython.int = 1
    b: list = cython.field(default_factory=list)


def shifted(p: Point, by: cython.int) -> Point:
    q: Point = Point(p.x + by, p.y)
    q.tags.append(by)
    return q
