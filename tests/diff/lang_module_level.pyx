# Module-level code: constants of every kind, imports (plain, dotted, from,
# aliased), values computed at import time, globals read and rebound with
# `global`, and a module-level def used as a value.
import cython
import os.path
import collections as coll
from functools import reduce
from operator import add as plus

LIMIT = 10
NAME = "pyxx"
RATIO = 0.25
SIZES = (1, 2, 3)
TABLE = {"a": 1, "b": 2}
SQUARES = list(range(0, 20, 4))
counter = 0


def constants():
    return (LIMIT, NAME, RATIO, SIZES, TABLE, SQUARES)


def bump(by):
    global counter
    counter += by
    return counter


def imported(path):
    return (os.path.basename(path), coll.Counter("abca").most_common(1), reduce(plus, SIZES))


def scaled(n: cython.int) -> cython.double:
    return n * RATIO + LIMIT


def as_value():
    f = constants
    return f()[1].upper()


def shadow(LIMIT):
    return LIMIT * 2
