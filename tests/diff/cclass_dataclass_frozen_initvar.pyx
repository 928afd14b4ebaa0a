# Dataclass extension types, continued: frozen=True (readonly fields, hashed
# by their values), InitVar arguments passed to __post_init__, ClassVar class
# attributes, a dataclass deriving from another, and __dataclass_params__.
import dataclasses
import typing
from dataclasses import InitVar

import cython


@cython.dataclasses.dataclass(frozen=True)
@cython.cclass
class Frozen:
    x: cython.int = 0
    y: cython.double = 1.5
    label: str = "p"

    def moved(self, dx: cython.int):
        return Frozen(self.x + dx, self.y, self.label)

    def bump(self):
        # The module's own code stores into a readonly field (compiled only).
        self.x += 1
        return self.x


@cython.dataclasses.dataclass
@cython.cclass
class Scaled:
    value: cython.double
    scale: InitVar[cython.double] = 2
    offset: dataclasses.InitVar[object] = None
    shared: typing.ClassVar[list] = ["shared"]
    total: cython.double = cython.dataclasses.field(default=0.0, init=False)
    seen: str = cython.dataclasses.field(default="", init=False)

    def __post_init__(self, scale, offset):
        self.total = self.value * scale + (0 if offset is None else offset)
        self.seen = repr(scale)


@cython.dataclasses.dataclass(eq=False)
@cython.cclass
class Dropped:
    n: cython.int
    unused: InitVar[cython.int] = 0


@cython.dataclasses.dataclass
@cython.cclass
class Base:
    a: cython.int
    b: str = "b"

    def total(self) -> cython.int:
        return self.a + len(self.b)


@cython.dataclasses.dataclass(unsafe_hash=True)
@cython.cclass
class Derived(Base):
    c: list = cython.dataclasses.field(default_factory=list, hash=False)
    d: cython.double = 0.5


@cython.cclass
class PlainBase:
    hidden: cython.int

    def __init__(self):
        self.hidden = 7


@cython.dataclasses.dataclass
@cython.cclass
class OverPlain(PlainBase):
    e: cython.int = 3


def read_frozen(f: Frozen) -> cython.int:
    return f.x * 10 + int(f.y)


@cython.dataclasses.dataclass
@cython.cclass
class Typed:
    a: int = 1
    f: float = 0.5
    flag: bool = False
