# Static C methods (`@staticmethod` + `@cython.cfunc`): Cython's factory idiom,
# called through the class from module code, functions, methods and nogil code.
import cython


@cython.cclass
class Cell:
    value: cython.double

    @staticmethod
    @cython.cfunc
    def of(value: cython.double) -> "Cell":
        c: Cell = Cell.__new__(Cell)
        c.value = value
        return c

    @cython.cfunc
    @staticmethod
    @cython.nogil
    def halve(x: cython.double) -> cython.double:
        return x / 2

    @cython.cfunc
    def half(self) -> "Cell":
        return Cell.of(Cell.halve(self.value))

    def doubled(self):
        return Cell.of(self.value * 2)


@cython.cclass
class Tagged(Cell):
    tag: cython.int


def halves(n: cython.int) -> cython.double:
    total: cython.double = 0
    i: cython.int
    with cython.nogil:
        for i in range(n):
            total += Tagged.halve(i)
    return total


def start(v: cython.double):
    return Cell.of(v).half().value


origin = Cell.of(0.0)
# expected-no-diagnostics
