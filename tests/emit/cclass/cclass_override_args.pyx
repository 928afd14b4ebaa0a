# An override that adds a parameter with a default: its own vtable slot, and a
# thunk with the base's signature in the base's slot that passes the default.
import cython


@cython.cclass
class Base:
    @cython.cfunc
    def get(self, k: cython.int) -> cython.int:
        return k


@cython.cclass
class Derived(Base):
    @cython.cfunc
    def get(self, k: cython.int, scale: cython.int = 2) -> cython.int:
        return k * scale


def both(b: Base, d: Derived) -> cython.int:
    return b.get(1) + d.get(2) + d.get(3, 4)
