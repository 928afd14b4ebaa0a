# Static C methods of extension types (`@staticmethod` + `@cython.cfunc`):
# Cython's factory idiom, an instance made with `T.__new__(T)` (which runs
# `__cinit__` but not `__init__`) whose C fields the factory sets. Called as
# `T.m(...)` from module code, functions, `def` and C methods, a subclass's
# name, and (a nogil one) without the GIL.
import cython
from cython.cimports.libc.stdlib import free, malloc

log = []


@cython.cclass
class IntBox:
    data: cython.p_int
    cython.declare(owner=cython.bint, size=cython.int, visibility='readonly')

    def __cinit__(self, *args):
        log.append("cinit")

    def __init__(self, size: cython.int):
        log.append("init")
        self.data = cython.cast(cython.p_int, malloc(size * cython.sizeof(cython.int)))
        self.owner = True
        self.size = size
        i: cython.int
        for i in range(size):
            self.data[i] = 0

    def __dealloc__(self):
        if self.owner and self.data is not cython.NULL:
            free(self.data)
            log.append("freed")

    @staticmethod
    @cython.cfunc
    def wrap(data: cython.p_int, size: cython.int, owner: cython.bint = False) -> "IntBox":
        b: IntBox = IntBox.__new__(IntBox)
        b.data = data
        b.size = size
        b.owner = owner
        return b

    @staticmethod
    @cython.cfunc
    @cython.nogil
    def clamp(i: cython.int, size: cython.int) -> cython.int:
        if i < 0:
            return 0
        return size - 1 if i >= size else i

    @cython.cfunc
    def tail(self, start: cython.int) -> "IntBox":
        # A view of the same memory that does not own it.
        start = IntBox.clamp(start, self.size)
        return IntBox.wrap(self.data + start, self.size - start)

    def get(self, i: cython.int) -> cython.int:
        return self.data[IntBox.clamp(i, self.size)]

    def put(self, i: cython.int, v: cython.int):
        self.data[IntBox.clamp(i, self.size)] = v

    def tail_sum(self, start: cython.int) -> cython.long:
        t: IntBox = self.tail(start)
        total: cython.long = 0
        i: cython.int
        for i in range(t.size):
            total += t.data[i]
        return total


@cython.cclass
class Labelled(IntBox):
    label: str


def owned(size: cython.int, fill: cython.int):
    data: cython.p_int = cython.cast(cython.p_int, malloc(size * cython.sizeof(cython.int)))
    i: cython.int
    for i in range(size):
        data[i] = fill + i
    return IntBox.wrap(data, size, True)


def through_subclass(size: cython.int) -> tuple:
    b = Labelled.wrap(cython.NULL, size)
    return type(b).__name__, b.size, b.owner


def clamp_all(n: cython.int, size: cython.int) -> list:
    out: list = []
    i: cython.int
    c: cython.int
    for i in range(-1, n):
        with cython.nogil:
            c = Labelled.clamp(i, size)
        out.append(c)
    return out


def chained(size: cython.int) -> cython.int:
    return IntBox.wrap(cython.NULL, size).size


empty = IntBox.wrap(cython.NULL, 0)
