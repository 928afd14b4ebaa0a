# cython.cast, cython.declare (with a value, without one, and keyword form) and
# @cython.locals fixing the C types of locals.
import cython


def to_int(x: cython.double) -> cython.int:
    return cython.cast(cython.int, x)


def to_uchar(v: cython.long) -> cython.int:
    return cython.cast(cython.uchar, v)


def to_double(a: cython.long):
    return cython.cast(cython.double, a) / 4


def declared(n: cython.int):
    total = cython.declare(cython.double, 0.5)
    step = cython.declare(cython.long)
    step = 3
    for i in range(n):
        total += i * step
    return total


def declared_keyword(a: cython.int, b: cython.int):
    cython.declare(prod=cython.long, ratio=cython.double)
    prod = a * b
    ratio = a / b
    return (prod, ratio)


@cython.locals(x=cython.double, i=cython.int, acc=cython.double)
def harmonic(n):
    acc = 0.0
    for i in range(1, n + 1):
        x = i
        acc += 1.0 / x
    return acc


@cython.locals(k=cython.uint)
def wrapping_local(v: cython.long):
    k = v
    return k


def truncation(x: cython.double) -> cython.long:
    i: cython.long = cython.cast(cython.long, x)
    return i * 10 + cython.cast(cython.int, -x)


# declare() of a Python type without a value: None, at module level and in a function.
declared_list = cython.declare(list)
declared_object = cython.declare(object)


def declared_objects():
    items = cython.declare(list)
    anything = cython.declare(object)
    before = (items, anything)
    items = [1, 2]
    return before, items, declared_list, declared_object
