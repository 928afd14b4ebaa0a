# A cfunc override may add parameters with default values (Cython's optional
# arguments): calls through the base type pass the base's arguments, calls
# through the derived type may pass the new ones.
import cython


@cython.cclass
class Reader:
    @cython.cfunc
    @cython.nogil
    def read(self, n: cython.int) -> cython.int:
        return n


@cython.cclass
class Buffered(Reader):
    @cython.cfunc
    @cython.nogil
    def read(self, n: cython.int, block: cython.int = 64) -> cython.int:
        return n * block


@cython.cclass
class Tuned(Buffered):
    @cython.cfunc
    @cython.nogil
    def read(self, n: cython.int, block: cython.int = 64) -> cython.int:
        return n + block


def total(r: Reader, b: Buffered) -> cython.int:
    t: cython.int
    with cython.nogil:
        t = r.read(1) + b.read(2) + b.read(3, 4) + b.read(n=5, block=6)
    return t
# expected-no-diagnostics
