# An extension type: the instance struct, its slots and PyType_Spec, C access
# to fields through `self` and a typed parameter (None checked), object fields
# stored and read with their references.
import cython


@cython.cclass
class Counter:
    count: cython.long
    step = cython.declare(cython.int, visibility='public')
    cython.declare(name=str, visibility='readonly')
    items: list

    def __init__(self, name: str):
        self.name = name
        self.step = 1
        self.items = []

    def bump(self) -> cython.long:
        self.count += self.step
        self.items.append(self.count)
        return self.count


def total(c: Counter, other: object) -> cython.long:
    d: Counter = other
    return c.count + d.count
