# Optional arguments added along a chain of overrides (Cython allows it): each
# override that adds parameters with defaults gets a vtable slot of its own,
# and a call through any type of the chain runs the most derived method with
# the defaults of what it leaves out. The last one is a ccall method: a Python
# method of its type, and a Python subclass's override of it runs for compiled
# calls through every base type.
import cython

log = []


@cython.cclass
class Tool:
    @cython.cfunc
    def use(self, n: cython.int) -> cython.int:
        log.append(("Tool", n))
        return n


@cython.cclass
class Drill(Tool):
    @cython.cfunc
    def use(self, n: cython.int, bit=None) -> cython.int:
        log.append(("Drill", n, bit))
        return n * 2


@cython.cclass
class Hammer(Drill):
    @cython.ccall
    def use(self, n: cython.int, bit=None, force: cython.double = 1.5) -> cython.int:
        log.append(("Hammer", n, bit, force))
        return n * 3


@cython.cclass
class Mallet(Hammer):
    pass


class Sledge(Hammer):
    def use(self, n, bit=None, force=1.5):
        log.append(("Sledge", n, bit, force))
        return n * 4


def through_tool(t: Tool, n: cython.int) -> cython.int:
    return t.use(n)


def through_drill(d: Drill, n: cython.int) -> tuple:
    return d.use(n), d.use(n, "b")


def through_hammer(h: Hammer, n: cython.int) -> tuple:
    return h.use(n), h.use(n, "b"), h.use(n, "b", 2.5), h.use(n, force=0.5)


def none_hammer(n: cython.int) -> cython.int:
    h: Hammer = None
    return h.use(n)
