# A ccall override of a cfunc method: its vtable slot holds a function that
# looks for a Python subclass's override, then runs the method's body.
import cython


@cython.cclass
class Base:
    @cython.cfunc
    def get(self, n: cython.int) -> cython.int:
        return n


@cython.cclass
class Middle(Base):
    @cython.ccall
    def get(self, n: cython.int) -> cython.int:
        return n * 2


def use(b: Base, m: Middle) -> cython.int:
    return b.get(1) + m.get(2)
