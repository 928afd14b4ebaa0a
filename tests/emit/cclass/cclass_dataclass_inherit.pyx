# A frozen dataclass deriving from another: the base's fields first in its
# table (their descriptors and defaults are the base's), readonly descriptors
# stored through the field's setter, an InitVar passed to __post_init__, and
# __dataclass_params__.
from dataclasses import InitVar

import cython


@cython.dataclasses.dataclass(frozen=True)
@cython.cclass
class Base:
    a: cython.int = 1


@cython.dataclasses.dataclass(frozen=True)
@cython.cclass
class Derived(Base):
    b: str = "b"
    scale: InitVar[cython.double] = 2.0

    def __post_init__(self, scale):
        self.a = int(self.a * scale)
