# Fused methods: calls of `@cython.cfunc` ones pick one specialisation;
# overriding and indexing them, fused types in `@cython.ccall` methods or
# property setters, and fused `def` methods with computed defaults are not supported.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cclass
class Box:
    names: list

    @cython.cfunc
    def put(self, x: number) -> number:
        return x

    @cython.cfunc
    @cython.nogil
    def peek(self, x: number) -> cython.int:
        if number is cython.double:
            return len(self.names)  # expected-error PX201: names
        return 0

    def as_def(self, x: number, y=[]):  # expected-error PX304: whose default values are not literals
        return x

    @property
    def value(self):
        return 0

    @value.setter
    def value(self, x: number):  # expected-error PX117: outside the signature
        pass

    @cython.ccall
    def as_ccall(self, x: number) -> cython.int:  # expected-error PX117: outside the signature
        return 0

    def calls(self, o, s: cython.short, f: cython.float):
        a = self.put(o)  # expected-error PX117: no member fits
        b = self.put(s)  # expected-error PX117: several members fit
        c = self.put[cython.double](1.0)  # expected-error PX302: indexing the fused C method
        return a, b, c

    def without_gil(self, d: cython.double):
        with cython.nogil:
            self.put(d)  # expected-error PX202: put


@cython.cclass
class Derived(Box):
    @cython.cfunc
    def put(self, x: number) -> number:  # expected-error PX113: overriding fused C methods
        return x


@cython.cclass
class Plain:
    @cython.cfunc
    def get(self, x: cython.int) -> cython.int:
        return x


@cython.cclass
class FusedOverride(Plain):
    @cython.cfunc
    def get(self, x: number) -> cython.int:  # expected-error PX113: overriding fused C methods
        return 0
