# expected-no-diagnostics
import cython


@cython.cclass
class Base:
    size: cython.int
    items: list

    @cython.cfunc
    @cython.nogil
    def weight(self, k: cython.int) -> cython.double:
        return k * 1.0 + self.size

    @cython.ccall
    def name(self) -> str:
        return "base"


@cython.cclass
class Derived(Base):
    extra: cython.double

    @cython.cfunc
    @cython.nogil
    def weight(self, k: cython.int) -> cython.double:
        return self.extra + self.size + k

    @cython.ccall
    def name(self) -> str:
        return "derived/" + super().name()

    def total(self) -> cython.double:
        with cython.nogil:
            w = super().weight(1) + self.weight(2)
        return w


@cython.cfunc
@cython.nogil
def weigh(b: Base) -> cython.double:
    return b.weight(3)


def weigh_derived(d: Derived) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = weigh(d)
    b: Base = d
    return r + b.weight(1)
