# `def` methods with fused parameters under `@staticmethod` or `@classmethod`,
# in plain classes and extension types: the class holds the dispatcher,
# wrapped by the decorator; each call runs the specialisation of its arguments.
import cython

number = cython.fused_type(cython.int, cython.double)


class Plain:
    scale = 3

    @staticmethod
    def twice(x: number) -> number:
        return x * 2

    @classmethod
    def scaled(cls, x: number):
        return cls.__name__, x * cls.scale

    @staticmethod
    def kind(x: cython.floating, label="v"):
        if cython.floating is cython.float:
            return label, "float"
        return label, "double"

    def use(self, i: cython.int, d: cython.double):
        return self.twice(i), self.twice(d), self.scaled(i), Plain.scaled(d)


class Child(Plain):
    scale = 10


@cython.cclass
class Ext:
    n: cython.int

    def __init__(self, n: cython.int):
        self.n = n

    @staticmethod
    def halve(x: number) -> cython.double:
        return x / 2

    @classmethod
    def make(cls, x: number):
        return cls(cython.cast(cython.int, x) + 1)

    def get(self):
        return self.n

    def use(self, i: cython.int, d: cython.double):
        return self.halve(i), Ext.halve(d), self.make(i).get(), Ext.make(d).get()


def from_module(i: cython.int, d: cython.double):
    return Plain.twice(i), Plain.twice(d), Child.scaled(i), Ext.halve(i), Ext.make(d).get()
