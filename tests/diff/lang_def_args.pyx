# def wrappers: positional and keyword arguments, defaults of C and object
# parameters, and the TypeErrors for bad calls.
import cython


def scaled(x: cython.double, factor: cython.double = 2.0, offset: cython.long = 0):
    return x * factor + offset


def label(name, count: cython.int = 1, sep: str = "-"):
    return sep.join([name] * count)


def flags(a: cython.bint = False, b: cython.bint = True) -> cython.int:
    return a * 2 + b


def object_default(items=None, extra: cython.int = 0):
    if items is None:
        items = []
    return len(items) + extra


def many(a: cython.int, b: cython.int, c: cython.int = 3, d: cython.int = 4, e: cython.int = 5):
    return a * 10000 + b * 1000 + c * 100 + d * 10 + e
