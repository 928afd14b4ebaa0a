# expected-no-diagnostics
import cython
from typing import Optional


@cython.cclass
class Fields:
    a: cython.int
    b = cython.declare(cython.double, visibility='public')
    cython.declare(c=cython.int, d=cython.longlong, visibility='readonly')
    name: str
    other: Optional[object]

    def __init__(self, a: cython.int):
        self.a = a
        self.b = a / 2
        self.c = a + 1
        self.name = "f"

    def total(self) -> cython.double:
        return self.a + self.b + self.c + self.d


@cython.final
@cython.cclass
class Leaf:
    pass


def use(f: Fields, g: Optional[Fields] = None) -> cython.double:
    f.a += 1
    f.name = "g"
    if g is not None:
        return f.total() + g.a
    return f.total()
