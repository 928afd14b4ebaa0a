# `@cython.cfunc` methods of an extension type whose parameters have fused
# types: one C method (and vtable slot) per specialisation, the call picking
# one from the argument types, as for module-level fused functions.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cclass
class Acc:
    total: cython.double
    count: cython.int

    @cython.cfunc
    def add(self, x: number) -> number:
        self.total += x
        self.count += 1
        return x * 2

    @cython.cfunc
    @cython.nogil
    def scale(self, x: number, times: cython.int = 2) -> number:
        return x * times

    @cython.cfunc
    def pair(self, a: number, b: cython.floating) -> cython.double:
        return a * 10 + b

    @cython.cfunc
    def total_of(self, v: cython.floating[:]) -> cython.double:
        s: cython.double = 0
        i: cython.Py_ssize_t
        for i in range(v.shape[0]):
            s += v[i]
        return s

    def run(self, i: cython.int, d: cython.double):
        r1 = self.add(i)
        r2 = self.add(d)
        s1: cython.int
        s2: cython.double
        with cython.nogil:
            s1 = self.scale(i)
            s2 = self.scale(d, 3)
        return r1, r2, s1, s2, self.total, self.count

    def pairs(self, i: cython.int, d: cython.double, f: cython.float):
        return self.pair(i, f), self.pair(d, d), self.pair(i, d), self.pair(d, f)

    def sums(self, dv: cython.double[:], fv: cython.float[:]):
        return self.total_of(dv), self.total_of(fv)


@cython.cclass
class Sub(Acc):
    def twice(self, d: cython.double):
        return self.add(d), super().scale(d, 4)


def through_parameter(a: Acc, d: cython.double, n: cython.int):
    return a.scale(d), a.scale(n, times=5), a.add(1.5)


def none_receiver(d: cython.double):
    a: Acc = None
    return a.scale(d)
