# `def` methods of an extension type under Python decorators: the decorator
# gets the function, and `self` stays typed as the class (its C methods and
# fields are used directly). A first parameter annotated `object` is any
# object, for a decorator that passes something else in its place.
import cython


def add1(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs) + 1
    return wrapper


def pass_int_first(func):
    def wrapper(*args):
        return func(1, *args)
    return wrapper


@cython.cclass
class Gauge:
    level: cython.int

    def __init__(self, level: cython.int):
        self.level = level

    @cython.cfunc
    def doubled(self) -> cython.int:
        return self.level * 2

    @add1
    def reading(self, extra: cython.int) -> cython.int:
        return self.doubled() + extra

    @pass_int_first
    def first(anything: object, *args):
        return type(anything).__name__, anything.imag, len(args)

    @classmethod
    @add1
    def made(cls, *vals):
        return int(cls is Gauge) * sum(vals)

    @staticmethod
    @add1
    def counted(*vals):
        return len(vals)

    @add1
    @classmethod
    def broken(cls):
        return 0
