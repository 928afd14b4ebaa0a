# A module typed by its augmenting .pxd (ok_pxd_declarations.pxd): C functions,
# an extension type hierarchy, a module variable, structs and typedefs.
# expected-no-diagnostics
# ok-for: PX123 PX124
import cython

calls = 0


def add(x, y=1):
    global calls
    calls += 1
    return x + y


def half(value):
    return value / 2


def checked_div(a, b):
    if b == 0:
        raise ZeroDivisionError("b")
    return a // b


def fill(out, n):
    for i in range(n):
        out[i] = half(i)


def make_pair(a, b):
    p: Pair = Pair(a, b)
    return p


def mean(values):
    total = 0
    for i in range(len(values)):
        total += values[i]
    return total / len(values)


class Shape:
    """A shape with a scale."""

    def __init__(self, sides):
        self.scale = 1.0
        self.sides = sides
        self.tag = None

    def area(self):
        return 0.0

    def _count(self):
        return self.sides


class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, 4)
        self.side = side

    def area(self):
        return self.side * self.side * self.scale


def use(s: Square) -> cython.double:
    buffer: cython.double[4]
    fill(buffer, 4)
    span: Span = Span(1, 2)
    n: count_t = calls
    ptr: double_ptr = cython.address(buffer[0])
    return s.area() + sqrt(buffer[3]) + span.hi + n + ptr[1] + make_pair(1.0, 2.0).second
