# A `@cython.ccall` override of a `@cython.cfunc` method keeps its signature
# (it may add parameters with defaults only);
# a cfunc cannot override a ccall method, and the ccall override cannot be
# overridden again (not yet).
import cython


@cython.cclass
class Base:
    @cython.cfunc
    def get(self, n: cython.int) -> cython.int:
        return n

    @cython.cfunc
    def typed(self, n: cython.int) -> cython.int:
        return n

    @cython.cfunc
    def fixed(self, n: cython.int) -> cython.int:
        return n

    @cython.ccall
    def visible(self) -> cython.int:
        return 0

    @cython.cfunc
    @cython.nogil
    def quick(self) -> cython.int:
        return 0


@cython.cclass
class Middle(Base):
    @cython.ccall
    def get(self, n: cython.int) -> cython.int:
        return n * 2

    @cython.ccall
    def typed(self, n: cython.double) -> cython.int:  # expected-error PX113: overrides `Base.typed` with another signature
        return 0

    @cython.ccall
    def fixed(self, n: cython.int, extra: cython.int) -> cython.int:  # expected-error PX113: overrides `Base.fixed` with another signature
        return n

    @cython.cfunc
    def visible(self) -> cython.int:  # expected-error PX113: overrides `Base.visible` with another signature
        return 1

    @cython.ccall
    def quick(self) -> cython.int:  # expected-error PX113: overrides `Base.quick` with another signature
        return 1


@cython.cclass
class Leaf(Middle):
    @cython.ccall
    def get(self, n: cython.int) -> cython.int:  # expected-error PX113: overrides a `@cython.ccall` method that overrides a `@cython.cfunc` one
        return n * 3
