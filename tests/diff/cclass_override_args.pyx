# A cfunc override that adds parameters with default values (Cython's optional
# arguments). A call through the base type runs the override with the added
# defaults; a call through the derived type may pass them; a further override
# of the extended method is reached from both.
import cython

log = []


@cython.cclass
class Source:
    @cython.cfunc
    def fetch(self, k: cython.int) -> cython.int:
        log.append("Source")
        return k


@cython.cclass
class Scaled(Source):
    @cython.cfunc
    def fetch(self, k: cython.int, tag=None, scale: cython.int = 10) -> cython.int:
        log.append(("Scaled", tag))
        return k * scale


@cython.cclass
class Shifted(Scaled):
    @cython.cfunc
    def fetch(self, k: cython.int, tag=None, scale: cython.int = 10) -> cython.int:
        log.append(("Shifted", tag))
        return k * scale + 1


def through_base(s: Source, k: cython.int) -> cython.int:
    return s.fetch(k)


def through_derived(s: Scaled, k: cython.int) -> tuple:
    return s.fetch(k), s.fetch(k, "t"), s.fetch(k, None, 2), s.fetch(k, scale=3)


def none_object(k: cython.int) -> cython.int:
    s: Scaled = None
    return s.fetch(k)
