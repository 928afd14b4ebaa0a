# A cfunc override may add parameters with default values (Cython's optional
# arguments): calls through the base type pass the base's arguments, calls
# through the derived type may pass the new ones; an override of the override
# may add more, and a ccall override of a cfunc one too; an override may
# change a default value.
import cython


@cython.cclass
class Reader:
    @cython.cfunc
    @cython.nogil
    def read(self, n: cython.int) -> cython.int:
        return n


@cython.cclass
class Buffered(Reader):
    @cython.cfunc
    @cython.nogil
    def read(self, n: cython.int, block: cython.int = 64) -> cython.int:
        return n * block


@cython.cclass
class Tuned(Buffered):
    @cython.cfunc
    @cython.nogil
    def read(self, n: cython.int, block: cython.int = 64) -> cython.int:
        return n + block


# Added again further down the chain, also by a ccall override (a Python method too).
@cython.cclass
class Framed(Buffered):
    @cython.cfunc
    @cython.nogil
    def read(self, n: cython.int, block: cython.int = 64, frame: cython.int = 8) -> cython.int:
        return n * block + frame


@cython.cclass
class Checked(Framed):
    @cython.ccall
    @cython.nogil
    def read(self, n: cython.int, block: cython.int = 64, frame: cython.int = 8, check: cython.bint = True) -> cython.int:
        return n * block + frame + check


def chained(r: Reader, f: Framed, c: Checked) -> cython.int:
    t: cython.int
    with cython.nogil:
        t = r.read(1) + f.read(2) + f.read(2, 3, 4) + c.read(1) + c.read(1, check=False)
    return t


# An override may change a default value when the chain starts at a cfunc
# method: the method that runs fills in its own defaults, also without the GIL.
@cython.cclass
class Pager:
    @cython.cfunc
    @cython.nogil
    def page(self, n: cython.int = 1, size: cython.double = 4.0) -> cython.double:
        return n * size


@cython.cclass
class BigPager(Pager):
    @cython.ccall
    @cython.nogil
    def page(self, n: cython.int = 2, size: cython.double = 8.0, margin: cython.int = 1) -> cython.double:
        return n * size + margin


def pages(p: Pager) -> cython.double:
    t: cython.double
    with cython.nogil:
        t = p.page() + p.page(3) + p.page(size=1.0)
    return t


def total(r: Reader, b: Buffered) -> cython.int:
    t: cython.int
    with cython.nogil:
        t = r.read(1) + b.read(2) + b.read(3, 4) + b.read(n=5, block=6)
    return t
# expected-no-diagnostics
