# translate-args: --part-lines 12
# Several parts (forced by a small part size): functions and their wrappers
# under part guards, shared definitions marked PYXX_SHARED, part 0 holding the
# method table, the module definition and the exec function.
import cython

SCALE = 2.5


@cython.cclass
class Point:
    x: cython.double

    def __init__(self, x: cython.double):
        self.x = x

    @cython.ccall
    def scaled(self) -> cython.double:
        return self.x * SCALE


@cython.cfunc
def square(v: cython.double) -> cython.double:
    return v * v


def norm(p: Point) -> cython.double:
    return square(p.scaled())


def adder(n):
    def add(x):
        return x + n
    return add


def evens(n: cython.int):
    i: cython.int
    for i in range(0, n, 2):
        yield i


TOTAL = norm(Point(1.0))
