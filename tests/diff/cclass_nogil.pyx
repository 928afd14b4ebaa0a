# Extension types without the GIL: C fields of a typed instance (`self`, a typed
# parameter) read and written in `with cython.nogil:` blocks, from several
# threads, each on its own instance; a None instance raises AttributeError.
import cython
from typing import Optional


@cython.cclass
class Histogram:
    bins = cython.declare(cython.long, visibility='readonly')
    low: cython.double
    high: cython.double
    count: cython.long
    total: cython.double

    def __init__(self, low: cython.double, high: cython.double):
        self.low = low
        self.high = high

    def add_series(self, n: cython.long, step: cython.double) -> cython.long:
        i: cython.long
        x: cython.double
        with cython.nogil:
            for i in range(n):
                x = i * step
                if self.low <= x < self.high:
                    self.count += 1
                    self.total += x
        return self.count

    def mean(self):
        return self.total / self.count if self.count else None


def reset(h: Optional[Histogram]) -> cython.double:
    old: cython.double
    with cython.nogil:
        old = h.total
        h.total = 0
        h.count = 0
    return old
