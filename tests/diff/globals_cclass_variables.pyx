# Module-level variables of an extension type (`cython.declare(p=T)`), Cython's
# `cdef T p`: typed, None until stored, not attributes of the module.
import cython

log = []


@cython.cclass
class Parrot:
    volts: cython.int

    @cython.cfunc
    def describe(self) -> cython.int:
        log.append(("resting", self.volts))
        return self.volts

    @cython.ccall
    def name(self) -> str:
        return "parrot"


@cython.cclass
class Norwegian(Parrot):
    @cython.cfunc
    def describe(self) -> cython.int:
        Parrot.describe(self)
        log.append("lovely plumage")
        return -self.volts


cython.declare(p1=Parrot, p2=Parrot)
p0 = cython.declare(Parrot, Norwegian())
p1 = Parrot()
p2 = Norwegian()
p2.volts = 7
p2.describe()


def zap(v: cython.int):
    p1.volts = v
    return p1.describe(), p2.describe(), p0.name()


def swap():
    global p1, p2
    p1, p2 = p2, p1
    return p1.volts, p2.volts


def put(x):
    global p1
    p1 = x
    return p1


def volts():
    return p1.volts


def same():
    return p1 is p2, p0 is p0
