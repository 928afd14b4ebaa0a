# A `@cython.ccall` method overriding a `@cython.cfunc` one of the base type
# (Cython allows it): the same vtable slot, and a Python method too; a Python
# subclass's override runs also for compiled calls through the base type.
import cython

log = []


@cython.cclass
class Base:
    @cython.cfunc
    def describe(self, n: cython.int) -> cython.int:
        log.append("Base")
        return n


@cython.cclass
class Middle(Base):
    @cython.ccall
    def describe(self, n: cython.int) -> cython.int:
        log.append("Middle")
        return n * 2


@cython.cclass
class Leaf(Middle):
    pass


class Py(Middle):
    def describe(self, n):
        log.append("Py")
        return n * 3


@cython.cclass
class Fast:
    total: cython.double

    @cython.cfunc
    @cython.nogil
    def step(self, x: cython.double) -> cython.double:
        self.total += x
        return self.total


@cython.cclass
class Faster(Fast):
    @cython.ccall
    @cython.nogil
    def step(self, x: cython.double) -> cython.double:
        self.total += 2 * x
        return self.total


def through_base(b: Base, n: cython.int) -> cython.int:
    return b.describe(n)


def through_middle(m: Middle, n: cython.int) -> cython.int:
    return m.describe(n)


def steps(f: Fast, x: cython.double) -> cython.double:
    r: cython.double
    with cython.nogil:
        f.step(x)
        r = f.step(x)
    return r
