# Parameters added again along a chain of overrides: each extension's slot,
# the thunks that fill the slots it extends, and a ccall extension's slot
# function, which looks for a Python override.
import cython


@cython.cclass
class Tool:
    @cython.cfunc
    def use(self, n: cython.int) -> cython.int:
        return n


@cython.cclass
class Drill(Tool):
    @cython.cfunc
    def use(self, n: cython.int, bit=None) -> cython.int:
        return n * 2


@cython.cclass
class Hammer(Drill):
    @cython.ccall
    def use(self, n: cython.int, bit=None, force: cython.double = 1.5) -> cython.int:
        return n * 3


def through_tool(t: Tool, n: cython.int) -> cython.int:
    return t.use(n)


def through_hammer(h: Hammer, n: cython.int) -> cython.int:
    return h.use(n, force=2.0)
