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
