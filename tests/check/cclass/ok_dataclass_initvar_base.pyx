# expected-no-diagnostics
# Dataclass extension types: frozen (readonly fields the module's code still
# stores into), InitVar arguments for __post_init__ (spelled three ways),
# ClassVar class attributes, and a dataclass deriving from another (or from a
# type that is no dataclass).
import dataclasses
import typing
from dataclasses import InitVar

import cython


@cython.dataclasses.dataclass(frozen=True, order=True)
@cython.cclass
class Point:
    x: cython.int = 0
    y: cython.int = 0

    def bump(self):
        self.x += 1


@cython.dataclasses.dataclass(frozen=True)
@cython.cclass
class Point3(Point):
    z: cython.int = 0


@cython.dataclasses.dataclass
@cython.cclass
class Scaled:
    value: cython.double
    scale: InitVar[cython.double] = 2.0
    offset: dataclasses.InitVar[object] = None
    extra: cython.dataclasses.InitVar[cython.int] = 0
    shared: typing.ClassVar[list] = []

    def __post_init__(self, scale, offset, extra):
        self.value *= scale


@cython.cclass
class Plain:
    n: cython.int


@cython.dataclasses.dataclass
@cython.cclass
class OverPlain(Plain):
    m: cython.int = 0


def total(p: Point3) -> cython.int:
    with cython.nogil:
        return p.x + p.y + p.z
