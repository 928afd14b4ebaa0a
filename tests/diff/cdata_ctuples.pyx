# C tuples: `tuple[cython.int, cython.double]` as locals, parameters and
# results, filled from displays, indexed with constants, unpacked; a tuple at
# the Python boundary.
import cython
import typing
from typing import Tuple


@cython.cfunc
@cython.nogil
def divide(a: cython.long, b: cython.long) -> tuple[cython.long, cython.long]:
    return a // b, a % b


@cython.cfunc
@cython.nogil
def weigh(p: Tuple[cython.int, cython.double]) -> cython.double:
    n, w = p
    return n * w + p[-1]


def swap(p: tuple[cython.int, cython.double]) -> tuple[cython.double, cython.int]:
    return p[1], p[0]


def divmods(a: cython.long, b: cython.long):
    q: cython.long
    r: cython.long
    with cython.nogil:
        q, r = divide(a, b)
        w = weigh((3, 0.5))
    return q, r, w


@cython.ccall
def scaled(p: typing.Tuple[cython.double, cython.double], k: cython.double) -> tuple[cython.double, cython.double]:
    out: tuple[cython.double, cython.double] = (p[0] * k, p[1] * k)
    return out


def nested(x: cython.int):
    t: tuple[tuple[cython.int, cython.int], cython.double] = ((x, x + 1), 0.25)
    inner = t[0]
    a, b = inner
    return t, a + b, t[0][1]


def update(x: cython.int):
    # Cython writes a C tuple's element in place; a Python tuple is immutable.
    t: tuple[cython.int, cython.int] = (x, 0)
    t[1] = t[0] * 2
    return t


def converted(x: cython.int, y: cython.int):
    # The display's values are converted to the element types.
    t: tuple[cython.double, cython.long] = (x, y)
    return t


def typeof_ctuple():
    t: tuple[cython.int, cython.double] = (1, 2.0)
    return cython.typeof(t)


@cython.cclass
class Segment:
    ends = cython.declare(tuple[cython.int, cython.int], visibility='public')

    def length(self) -> cython.int:
        a, b = self.ends
        return b - a


def tuple_objects(x: tuple[cython.int, object], y: tuple[cython.int, ...]):
    # A Python type or `...` among C types makes a `tuple` object, as in
    # Cython 3: its elements are not converted or checked.
    z: tuple[cython.int, ...] = (1, 2.5, "a")
    return x, y, z, len(z) + len(y)


def typeof_tuple_object(x: tuple[cython.int, object]):
    return cython.typeof(x)
