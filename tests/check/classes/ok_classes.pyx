# expected-no-diagnostics
import cython


class Point:
    """A plain Python class: its methods are `def` functions and hold the GIL."""
    dims = 2

    def __init__(self, x: cython.double, y: cython.double):
        self.x = x
        self.y = y

    def norm2(self) -> cython.double:
        return _norm2(self.x, self.y)

    @staticmethod
    def origin():
        return Point(0.0, 0.0)


@cython.cfunc
@cython.nogil
def _norm2(x: cython.double, y: cython.double) -> cython.double:
    return x * x + y * y


def total(points: list) -> cython.double:
    s: cython.double = 0.0
    for p in points:
        x: cython.double = p.x
        y: cython.double = p.y
        with cython.nogil:
            s += _norm2(x, y)
    return s


def takes_point(p: Point) -> Point:
    return p


def make_local(n):
    class Local(Point):
        def scaled(self):
            return Local(self.x * n, self.y * n)
    return Local(1.0, 2.0).scaled()


@cython.cfunc
@cython.nogil
def _square(n: cython.int) -> cython.int:
    return n * n


counter = 0


class Table:
    """Statements of every kind in a class body; the body holds the GIL."""
    global counter
    counter += 1
    squares = []
    for k in range(4):
        squares.append(_square(k))
    del k
    try:
        import math
    except ImportError:
        math = None
    with cython.nogil:
        _square(3)  # C code only: no GIL needed
    first, *others = squares
    evens = [s for s in squares if s % 2 == 0]


mixins = (Point,)


class Starred(*mixins, **{}):
    def norm2(self) -> cython.double:
        def helper(me):
            return super().norm2()  # a function nested in a method has the class cell
        return helper(self)


def module_plus(a):
    return a + 1


@cython.binding(False)
def never_binds(a):
    return a


class Aliased:
    # A module-level `def` stored in a class is a function object: it binds as a method.
    plus = module_plus
    # Cython's `binding=False`: a builtin function, which Cython does not bind either.
    unbound = never_binds


Aliased.plus_again = module_plus
