# Overrides that change default values (Cython allows it): the method that runs
# fills in its own defaults of what a call leaves out, whatever type the call
# goes through, as Cython's optional arguments do and as Python does.
import cython

log = []


@cython.cclass
class Lamp:
    @cython.cfunc
    def shine(self) -> cython.int:
        log.append(("Lamp",))
        return 0


@cython.cclass
class Torch(Lamp):
    @cython.cfunc
    def shine(self, color=None, level: cython.int = 1) -> cython.int:
        log.append(("Torch", color, level))
        return level


@cython.cclass
class Beacon(Torch):
    @cython.ccall
    def shine(self, color="red", level: cython.int = 5, blink: cython.bint = True) -> cython.int:
        log.append(("Beacon", color, level, blink))
        return level * 10


@cython.cclass
class Flare(Beacon):
    pass


class Strobe(Beacon):
    def shine(self, color="red", level=5, blink=True):
        log.append(("Strobe", color, level, blink))
        return level * 100


@cython.cclass
class Meter:
    total: cython.double

    @cython.cfunc
    @cython.nogil
    def add(self, x: cython.double = 1.0, times: cython.int = 1) -> cython.double:
        self.total += x * times
        return self.total


@cython.cclass
class Doubler(Meter):
    @cython.cfunc
    @cython.nogil
    def add(self, x: cython.double = 2.0, times: cython.int = 2) -> cython.double:
        self.total += 2 * x * times
        return self.total


def through_lamp(o: Lamp) -> cython.int:
    return o.shine()


def through_torch(o: Torch) -> tuple:
    return o.shine(), o.shine("blue"), o.shine(level=3), o.shine("green", 4)


def through_beacon(o: Beacon) -> tuple:
    return o.shine(), o.shine(blink=False), o.shine(level=2), o.shine("white", 1, False)


def measure(m: Meter) -> cython.double:
    r: cython.double
    with cython.nogil:
        m.add()
        m.add(0.5)
        r = m.add(times=3)
    return r
