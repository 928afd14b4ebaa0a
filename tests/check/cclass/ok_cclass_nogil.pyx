# expected-no-diagnostics
import cython


@cython.cclass
class Accumulator:
    total: cython.double
    count = cython.declare(cython.long, visibility='readonly')

    def add_range(self, k: cython.long) -> cython.double:
        i: cython.long
        with cython.nogil:
            for i in range(k):
                self.total += i
                self.count += 1
        return self.total


def drain(a: Accumulator) -> cython.double:
    t: cython.double
    with cython.nogil:
        t = a.total
        a.total = 0
    return t


@cython.cclass
class Window:
    values: cython.float[:, :]

    def __init__(self, values):
        self.values = values

    @cython.cfunc
    @cython.nogil
    def row_sum(self, r: cython.Py_ssize_t) -> cython.float:
        # A memoryview field is C data: indexed, sliced and rebound without the GIL.
        s: cython.float = 0
        c: cython.Py_ssize_t
        for c in range(self.values.shape[1]):
            s += self.values[r, c]
        self.values = self.values[1:]
        return s
