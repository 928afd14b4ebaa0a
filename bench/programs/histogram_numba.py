# The histogram benchmark for Numba: examples/histogram/histogram.pyx as a
# jitclass. A jitclass method cannot release the GIL, so the loop is a
# `@njit(nogil=True)` function that takes the instance, Numba's way to let
# threads fill their own instances at once.
import numpy as np
from numba import int64, njit, uint64
from numba.experimental import jitclass


@jitclass([("counts", int64[:]), ("total", int64), ("state", uint64)])
class Histogram:
    def __init__(self, seed):
        self.counts = np.zeros(64, dtype=np.int64)
        self.total = 0
        self.state = seed

    def bins(self):
        return self.counts


@njit(nogil=True)
def fill(h, n):
    x = h.state
    a = np.uint64(6364136223846793005)
    c = np.uint64(1442695040888963407)
    shift = np.uint64(58)
    for _ in range(n):
        x = x * a + c
        h.counts[x >> shift] += 1
    h.total += n
    h.state = x
    return h.total
