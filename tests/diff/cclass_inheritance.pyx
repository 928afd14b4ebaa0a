# Single inheritance between extension types: the derived struct extends the
# base's, C methods are overridden through the vtable, super() calls the base's
# def and C methods, typed parameters and nogil functions take derived
# instances, `__cinit__`/`__dealloc__` run for the base first / last.
import cython

log = []


@cython.cclass
class Shape:
    name: str
    scale: cython.double
    calls: cython.long

    def __cinit__(self, *args):
        self.scale = 1.0
        log.append(("Shape.cinit", len(args)))

    def __init__(self, name: str):
        self.name = name

    def __dealloc__(self):
        log.append(("Shape.dealloc", self.calls))

    @cython.cfunc
    @cython.nogil
    def area(self) -> cython.double:
        return 0.0

    @cython.ccall
    def kind(self) -> str:
        return "shape"

    @cython.cfunc
    def grow(self, k: cython.double) -> cython.double:
        self.scale *= k
        self.calls += 1
        return self.scale

    def describe(self):
        return f"{self.name}:{self.kind()}:{self.area():.3f}"


@cython.cclass
class Rect(Shape):
    w: cython.double
    h: cython.double
    corners = cython.declare(cython.int, visibility='readonly')

    def __cinit__(self, *args):
        self.corners = 4
        log.append(("Rect.cinit", self.scale))

    def __init__(self, name: str, w: cython.double, h: cython.double):
        super().__init__(name)
        self.w = w
        self.h = h

    def __dealloc__(self):
        log.append(("Rect.dealloc", self.corners))

    @cython.cfunc
    @cython.nogil
    def area(self) -> cython.double:
        return self.w * self.h * self.scale * self.scale

    @cython.ccall
    def kind(self) -> str:
        return "rect/" + super().kind()

    @cython.cfunc
    def grow(self, k: cython.double) -> cython.double:
        self.calls += 10
        return super().grow(k) + 100.0

    @cython.cfunc
    def diagonal(self) -> cython.double:
        return (self.w * self.w + self.h * self.h) ** 0.5

    def describe(self):
        return "[" + super().describe() + f" d={self.diagonal():.3f}]"


@cython.final
@cython.cclass
class Square(Rect):
    def __init__(self, name: str, side: cython.double):
        super().__init__(name, side, side)

    @cython.ccall
    def kind(self) -> str:
        return "square"


@cython.cfunc
@cython.nogil
def total_area(a: Shape, b: Shape) -> cython.double:
    return a.area() + b.area()


def areas(a: Shape, b: Shape) -> cython.double:
    t: cython.double
    with cython.nogil:
        t = total_area(a, b)
    return t


def grow_all(shapes: list, k: cython.double):
    out = []
    s: Shape
    for s in shapes:
        out.append((s.grow(k), s.kind(), s.calls))
    return out


def rect_diagonal(r: Rect) -> cython.double:
    return r.diagonal() + r.w


def as_shape(r: Rect) -> cython.double:
    s: Shape = r
    return s.area()
