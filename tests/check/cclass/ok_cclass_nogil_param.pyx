# expected-no-diagnostics
import cython
from typing import Optional


@cython.cclass
class Grid:
    width: cython.long
    filled: cython.long
    cells: list

    @cython.cfunc
    @cython.nogil
    def fill(self, n: cython.long) -> cython.long:
        self.filled += n
        return self.filled


@cython.cfunc
@cython.nogil
def area(g: Grid) -> cython.long:
    return g.width * g.width


@cython.cfunc
@cython.nogil
def fill_both(a: Grid, b: Optional[Grid]) -> cython.long:
    return a.fill(area(a)) + b.fill(1)


@cython.ccall
@cython.nogil
def grow(g: Grid, by: cython.long) -> cython.long:
    g.width += by
    with cython.gil:
        g.cells.append(by)
    return area(g)


def run(a: Grid, b: Grid) -> cython.long:
    n: cython.long
    with cython.nogil:
        n = fill_both(a, b) + grow(a, 1)
    return n + area(b) + grow(b, 2)
