# `def` methods whose parameters have fused types, in an extension type and in
# a plain class: the class binds one function, which runs the specialisation
# the arguments' Python types pick (as a module-level fused `def` does).
import cython

number = cython.fused_type(cython.long, cython.double)
text = cython.fused_type(bytes, str)


@cython.cclass
class Scaler:
    factor: cython.int

    def __init__(self, factor: cython.int):
        self.factor = factor

    def scale(self, x: number) -> number:
        """Multiplies by the factor."""
        return x * self.factor

    def shout(self, s: text, times: cython.int = 1):
        if text is bytes:
            return s.upper() * times + b"!"
        else:
            return s.upper() * times + "!"

    def two(self, a: number, b: cython.floating):
        return a + b


class Plain:
    def __init__(self):
        self.calls = 0

    def halve(self, x: cython.floating) -> cython.double:
        self.calls += 1
        return x / 2


class Derived(Plain):
    def halve_twice(self, x: cython.double):
        return super().halve(x), self.halve(x)


class Twice(Plain):
    def halve(self, x: cython.floating) -> cython.double:
        return super().halve(x) * 4
