# Structs, unions and typedefs: constructors (positional, keywords), fields read
# and written (also through a pointer and in nogil code), nested structs,
# struct parameters and results of C functions, copies, struct -> dict at the
# boundary, dict -> struct with cython.cast, typedef'd scalars and pointers.
import cython

Point = cython.struct(x=cython.double, y=cython.double)
Segment = cython.struct(start=Point, end=Point, weight=cython.int)
Number = cython.union(i=cython.long, d=cython.double)
Real = cython.typedef(cython.double)
RealPtr = cython.typedef(cython.pointer(Real))


@cython.cfunc
@cython.nogil
def midpoint(s: Segment) -> Point:
    m = cython.declare(Point)
    m.x = (s.start.x + s.end.x) / 2
    m.y = (s.start.y + s.end.y) / 2
    return m


@cython.cfunc
@cython.nogil
def scale(p: cython.pointer(Point), k: Real) -> cython.void:
    p.x *= k
    p.y = p.y * k


def make_point(x: cython.double, y: cython.double):
    p: Point = Point(x, y)
    return p


def keywords():
    p = Point(y=2.0, x=1)
    return p, p.x * p.y


def copies():
    # A struct is a C value: assigning it copies (plain Python shares the object).
    p = Point(y=2.0, x=1)
    q: Point = p
    q.x = 10.0
    return p, q


def segment_mid(ax: cython.double, ay: cython.double, bx: cython.double, by: cython.double):
    s: Segment = Segment(Point(ax, ay), Point(bx, by), 3)
    with cython.nogil:
        m = midpoint(s)
        scale(cython.address(m), 2.0)
    s.end = m
    s.weight += 1
    return m, s


def through_pointer():
    p: Point = Point(1.5, -2.0)
    pp: cython.pointer(Point) = cython.address(p)
    pp.x = 4.0
    return p, pp.y, pp[0].x


def from_dict(d: dict):
    p: Point = cython.cast(Point, d)
    return p.x + p.y


def union_bits(v: cython.long):
    n: Number = Number(i=v)
    return n.i


def typedefs(x: Real):
    r: Real = x * 2
    p: RealPtr = cython.address(r)
    return p[0] + 1.0


Tagged = cython.struct(is_integral=cython.bint, data=Number)
TaggedPair = cython.typedef(Tagged[2])


def tagged(n: cython.long, x: cython.double):
    a = cython.declare(TaggedPair)
    a[0] = Tagged(is_integral=True, data=Number(i=n))
    a[1] = Tagged(is_integral=False, data={'d': x})
    return a[0].data.i, a[1].data.d, a[1].is_integral


def union_from(d: dict):
    n: Number = cython.cast(Number, d)
    return n.d
