# Dataclass extension types: `InitVar` only on a dataclass field (with a plain
# default), an inherited field is not declared again, a frozen dataclass derives
# only from a frozen one (and the other way round), and a derived dataclass
# whose base has `__post_init__` defines its own (Cython's `__init__` calls only
# the class body's).
from dataclasses import InitVar

import cython


@cython.cclass
class NotADataclass:
    x: InitVar[cython.int]  # expected-error PX113: `dataclasses.InitVar[...]` outside a field


def f(n: InitVar[cython.int]):  # expected-error PX113: `dataclasses.InitVar[...]` outside a field
    return n


@cython.dataclasses.dataclass
@cython.cclass
class Scaled:
    value: cython.double
    scale: InitVar[cython.double] = cython.dataclasses.field(default=2.0)  # expected-error PX302: for an `InitVar`


@cython.dataclasses.dataclass
@cython.cclass
class Base:
    a: cython.int  # expected-note: a
    b: str = "b"

    def __post_init__(self):
        self.b = self.b.upper()


@cython.dataclasses.dataclass
@cython.cclass
class Again(Base):
    a: cython.int = 1  # expected-error PX113: Cannot redeclare inherited fields in Cython dataclasses

    def __post_init__(self):
        pass


@cython.dataclasses.dataclass
@cython.cclass
class NoPostInit(Base):  # expected-error PX301: which defines `__post_init__`, without its own
    c: list = cython.dataclasses.field(default_factory=list)


@cython.dataclasses.dataclass
@cython.cclass
class Thawed:  # expected-note: Thawed
    a: cython.int = 0


@cython.dataclasses.dataclass(frozen=True)
@cython.cclass
class Frozen(Thawed):  # expected-error PX113: cannot inherit frozen dataclass from a non-frozen one
    b: cython.int = 0


@cython.dataclasses.dataclass
@cython.cclass
class Late:
    a: cython.int = 0  # expected-note: a


@cython.dataclasses.dataclass
@cython.cclass
class LateDerived(Late):
    b: cython.int  # expected-error PX113: non-default argument 'b' follows default argument


@cython.cclass
class Hooked:
    def __post_init__(self):
        pass


@cython.dataclasses.dataclass
@cython.cclass
class FromHooked(Hooked):  # expected-error PX301: deriving from `Hooked`, which defines `__post_init__`
    a: cython.int = 0
