# Fused `@cython.cfunc` methods of an extension type: each call picks the
# specialisation of its argument types, also without the GIL and through a
# base; fused `def` methods of any class.
# ok-for: PX117
# expected-no-diagnostics
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cclass
class Box:
    total: cython.double

    @cython.cfunc
    @cython.nogil
    def put(self, x: number) -> number:
        self.total += x
        return x

    @cython.cfunc
    def both(self, x: number, y: cython.floating) -> cython.double:
        return x + y

    def calls(self, n: cython.int, d: cython.double, f: cython.float):
        with cython.nogil:
            self.put(n)
            self.put(d)
        return self.both(n, f), self.both(d, f), self.both(n, y=d)


@cython.cclass
class Derived(Box):
    def more(self, d: cython.double):
        return self.put(d) + super().put(d)


class Plain:
    def describe(self, x: number, label: str = "x"):
        return label, x


def through_base(b: Box, d: cython.double) -> cython.double:
    return b.put(d)
