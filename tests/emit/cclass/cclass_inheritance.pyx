# Inheritance: the derived struct and vtable start with the base's; an
# override fills the base's slot; super() calls the base's C method directly.
import cython


@cython.cclass
class Base:
    n: cython.long

    @cython.cfunc
    @cython.nogil
    def step(self) -> cython.long:
        self.n += 1
        return self.n


@cython.cclass
class Derived(Base):
    extra: object

    @cython.cfunc
    @cython.nogil
    def step(self) -> cython.long:
        return Base_step_twice(self) + super().step()

    @cython.cfunc
    def more(self) -> cython.long:
        return self.n


@cython.cfunc
@cython.nogil
def Base_step_twice(b: Base) -> cython.long:
    return b.step() + b.step()
