# A module-level extension type variable: pyxx::ModuleObject (None until
# stored), read as a new reference, stored after the type test.
import cython


@cython.cclass
class Parrot:
    volts: cython.int

    @cython.cfunc
    def describe(self) -> cython.int:
        return self.volts


cython.declare(p=Parrot)
p = Parrot()


def zap(v: cython.int) -> cython.int:
    p.volts = v
    return p.describe()


def put(x):
    global p
    p = x
