# expected-no-diagnostics
# An extension type declared as a local of a function, and `x =
# cython.declare(T, value)` at module level (a typed variable of the module).
import cython


@cython.cclass
class Parrot:
    @cython.cfunc
    def describe(self) -> cython.int:
        return 1


p0 = cython.declare(Parrot, Parrot())


def use() -> cython.int:
    cython.declare(p=Parrot)
    p = Parrot()
    return p.describe()
