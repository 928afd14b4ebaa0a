# `Base.m(self, ...)` inside an override: the base type's C method itself (no
# vtable), as Cython calls it; `cfunc` and `ccall` methods, with arguments.
import cython


@cython.cclass
class Parrot:
    calls: list

    def __init__(self):
        self.calls = []

    @cython.cfunc
    def describe(self, loud: cython.bint = False) -> str:
        self.calls.append("Parrot.describe")
        return "RESTING" if loud else "resting"

    @cython.ccall
    def weight(self, scale: cython.int) -> cython.int:
        return 3 * scale

    def show(self):
        return self.describe()


@cython.cclass
class Norwegian(Parrot):
    @cython.cfunc
    def describe(self, loud: cython.bint = False) -> str:
        self.calls.append("Norwegian.describe")
        return Parrot.describe(self, loud) + ", lovely plumage"

    @cython.ccall
    def weight(self, scale: cython.int) -> cython.int:
        return Parrot.weight(self, scale) + 1


@cython.cclass
class Blue(Norwegian):
    @cython.cfunc
    def describe(self, loud: cython.bint = False) -> str:
        # Parrot's own method, skipping Norwegian's override.
        return Parrot.describe(self, loud=True) + " (blue)"

    def inherited(self):
        return Norwegian.describe(self)


def run_all():
    n = Norwegian()
    b = Blue()
    return (n.show(), n.calls, n.weight(2), b.show(), b.inherited(), b.calls, b.weight(1))
