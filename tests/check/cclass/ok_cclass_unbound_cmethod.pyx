# expected-no-diagnostics
# `Base.m(self, ...)` in a method of Base or of a derived type: Base's C method
# itself, as Cython calls it (no vtable); with the GIL released when it is nogil.
import cython


@cython.cclass
class Parrot:
    @cython.cfunc
    @cython.nogil
    def weight(self, scale: cython.int = 1) -> cython.int:
        return 3 * scale

    @cython.ccall
    def name(self) -> str:
        return "parrot"


@cython.cclass
class Norwegian(Parrot):
    @cython.cfunc
    @cython.nogil
    def weight(self, scale: cython.int = 1) -> cython.int:
        return Parrot.weight(self, scale) + 1

    @cython.ccall
    def name(self) -> str:
        return "norwegian " + Parrot.name(self)

    def both(self) -> cython.int:
        with cython.nogil:
            return Parrot.weight(self, scale=2) + self.weight()
