# expected-no-diagnostics
# ok-for: PX107 PX113 PX301 PX303 PX304
# `@cython.dataclasses.dataclass` (alone or with `@cython.cclass`, bare or with
# options): fields with defaults and `cython.dataclasses.field(...)`, the
# class body's own methods, C fields used without the GIL.
import cython


@cython.dataclasses.dataclass(init=True, repr=True, eq=True, order=True, unsafe_hash=True, frozen=False)
@cython.cclass
class Point:
    x: cython.double
    y: cython.double = 0.0
    tags: list = cython.dataclasses.field(default_factory=list, compare=False, hash=None)
    note: object = cython.dataclasses.field(default=None, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self):
        self.tags.append("made")

    @cython.cfunc
    @cython.nogil
    def norm1(self) -> cython.double:
        return abs(self.x) + abs(self.y)


@cython.dataclasses.dataclass
class Counter:
    count: cython.long = 0

    def __repr__(self):
        return f"Counter<{self.count}>"

    def __eq__(self, other):
        return True


def total(p: Point, c: Counter) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = p.norm1() + c.count
    return r
