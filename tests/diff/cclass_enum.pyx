# `@cython.cclass` on a subclass of an `enum` class (Cython 3.1's pure-mode
# spelling of a cpdef enum): the class is the enum Python makes, its members
# Python objects, and a function annotated with it takes and returns them.
import enum
from enum import Enum, IntEnum, Flag as Bits

import cython
from cython import cclass


@cclass
class Color(Enum):
    RED = "red"
    GREEN = "green"


@cython.cclass
class Size(IntEnum):
    SMALL = 1
    LARGE = 3


@cclass
class Perm(Bits):
    READ = 1
    WRITE = 2


@cython.cclass
class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20


def pick(name: str) -> Color:
    return Color.RED if name == "r" else Color.GREEN


def doubled(s: Size) -> cython.int:
    return s * 2


def describe(c: Color):
    return c.name, c.value, repr(c), c is Color.RED


def members():
    return [m.name for m in Color], list(Size), [int(s) for s in Size], len(Level)


def combine() -> Perm:
    return Perm.READ | Perm.WRITE


def from_value(v):
    return Color(v)


def rename():
    Color.RED.name = "BLUE"
