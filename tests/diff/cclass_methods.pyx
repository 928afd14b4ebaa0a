# C methods of extension types: `@cython.cfunc` (not visible from Python) and
# `@cython.ccall` (also a Python method, overridable from a Python subclass),
# called through the type's vtable from typed instances, nogil ones from
# `with cython.nogil:` blocks and from several threads at once.
import cython


@cython.cclass
class Acc:
    total: cython.double
    count: cython.long
    label: str

    def __init__(self, label: str):
        self.label = label

    @cython.cfunc
    def _add(self, x: cython.double) -> cython.double:
        self.total += x
        self.count += 1
        return self.total

    @cython.cfunc
    @cython.nogil
    @cython.exceptval(-1.0)
    def mean(self) -> cython.double:
        if self.count == 0:
            return 0.0
        return self.total / self.count

    @cython.cfunc
    @cython.nogil
    def ratio(self, d: cython.long) -> cython.long:
        return self.count // d  # ZeroDivisionError raised without the GIL

    @cython.ccall
    def scale(self, k: cython.double = 2.0) -> cython.double:
        return self.total * k

    @cython.ccall
    @cython.nogil
    def bump(self, by: cython.long) -> cython.long:
        self.count += by
        return self.count

    @cython.ccall
    def describe(self) -> str:
        return f"{self.label}:{self.count}"

    def feed(self, n: cython.long) -> cython.double:
        i: cython.long
        for i in range(n):
            self._add(i * 0.5)
        m: cython.double
        with cython.nogil:
            m = self.mean()
            self.bump(1)
        return m + self.scale() + self.scale(k=1.0)

    def spin(self, n: cython.long) -> cython.long:
        i: cython.long
        with cython.nogil:
            for i in range(n):
                self.bump(1)
        return self.count

    def safe_ratio(self, d: cython.long):
        with cython.nogil:
            r = self.ratio(d)
        return r


def use(a: Acc, n: cython.long) -> cython.double:
    return a.feed(n) + a.scale(0.5) + a.bump(3)


def tell(a: Acc) -> str:
    return a.describe() + "/" + str(a.scale(1.0))


def use_none(n: cython.long):
    a: Acc = None
    if n > 0:
        a = Acc("x")
    return a.scale()


@cython.cfunc
def count_of(a: Acc) -> cython.long:
    return a.count  # a C function's instance parameter may be None: tested here


def count_or_error(n: cython.long) -> cython.long:
    a: Acc = None
    if n > 0:
        a = Acc("c")
        a.bump(n)
    return count_of(a)
