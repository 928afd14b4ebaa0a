import cython


@cython.cclass
class Grid:
    width: cython.long
    cells: list  # expected-note: `cells` is declared here as a Python `list`

    @cython.cfunc
    def redraw(self) -> cython.void:  # expected-note: `redraw` is declared here without `@cython.nogil`
        self.cells.clear()  # expected-note: `redraw` needs the GIL because of this


@cython.cfunc
@cython.nogil  # expected-note: `area` may run without the GIL
def area(g: Grid) -> cython.long:
    if g.cells:  # expected-error PX201: Python-object field `cells` of extension type `Grid` used without the GIL
        return 0
    return g.width * g.width


@cython.cfunc
@cython.nogil  # expected-note: `refresh` may run without the GIL
def refresh(g: Grid) -> cython.void:
    g.redraw()  # expected-error PX202: call to `redraw`, which needs the GIL, without the GIL


def shared(g: Grid) -> cython.long:
    keep = lambda: g
    n: cython.long
    with cython.nogil:  # expected-note: the GIL is released here
        n = area(g)  # expected-error PX201: extension type instance `g`, shared with an inner function, passed without the GIL
    return n + (keep() is g)
