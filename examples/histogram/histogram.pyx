# A histogram that several threads fill at once without the GIL, each thread on
# its own instance: an extension type holding a C array, updated by the nogil
# loop of a method. Cython compiles the same file (bench/ does), and
# bench/programs/histogram_numba.py is the same in Numba (a jitclass).
import cython

NBINS = 64


@cython.cclass
class Histogram:
    """Counts of pseudo-random 64-bit values in 64 bins (by their top 6 bits)."""
    counts: cython.long[64]
    total: cython.long
    state: cython.ulonglong

    def __init__(self, seed: cython.ulonglong):
        self.state = seed

    def fill(self, n: cython.long) -> cython.long:
        """Draws n values of a 64-bit LCG and counts them, without the GIL."""
        i: cython.long
        x: cython.ulonglong = self.state
        a: cython.ulonglong = 6364136223846793005
        c: cython.ulonglong = 1442695040888963407
        mask: cython.ulonglong = 0xFFFFFFFFFFFFFFFF  # C wraps by itself; plain Python needs it
        with cython.nogil:
            for i in range(n):
                x = (x * a + c) & mask
                self.counts[x >> 58] += 1
            self.total += n
        self.state = x
        return self.total

    def bins(self) -> list:
        i: cython.int
        out: list = []
        for i in range(NBINS):
            out.append(self.counts[i])
        return out
