# A `@cython.ccall` method may override a `@cython.cfunc` one (Cython allows
# it), nogil ones included; compiled calls through either type are C calls.
# ok-for: PX113
# expected-no-diagnostics
import cython


@cython.cclass
class Base:
    @cython.cfunc
    @cython.nogil
    def get(self, n: cython.int) -> cython.int:
        return n


@cython.cclass
class Middle(Base):
    @cython.ccall
    @cython.nogil
    def get(self, n: cython.int) -> cython.int:
        return n * 2


def use(b: Base, m: Middle) -> cython.int:
    r: cython.int
    with cython.nogil:
        r = b.get(1) + m.get(2)
    return r
