# expected-no-diagnostics
# Module-level variables of an extension type, as Cython's `cdef T x`: typed
# (their fields and C methods are C accesses), None until stored, not module
# attributes; read and stored by module code and by functions (`global`).
import cython


@cython.cclass
class Parrot:
    volts: cython.int

    @cython.cfunc
    def describe(self) -> cython.int:
        return self.volts


@cython.cclass
class Norwegian(Parrot):
    @cython.cfunc
    def describe(self) -> cython.int:
        return -1


cython.declare(p1=Parrot, p2=Parrot)
p0 = cython.declare(Parrot, Parrot())
p1 = Parrot()
p2 = Norwegian()
p2.describe()


def zap(v: cython.int) -> cython.int:
    p1.volts = v
    return p1.describe() + p2.describe() + p0.volts


def swap(x):
    global p1, p2
    p1, p2 = p2, x
    p2 = None
