# A `def` with stored defaults and decorators: made where it stands in the
# module's code; the module keeps its defaults in its state.
import functools

import cython

N = 2


def grow(x, into=[], k: cython.int = N * 3):
    """Appends."""
    into.append(x * k)
    return into


@functools.lru_cache(maxsize=None)
def cached(n: cython.int):
    return n + 1


def caller():
    return grow(1), cached(2)
