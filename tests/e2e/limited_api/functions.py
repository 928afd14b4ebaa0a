# A module of functions for the limited API (e2e/limited_api): C scalars,
# structs and arrays, Python objects, arguments of every kind, exceptions,
# `with`, `with nogil`, unpacking.
import sys

import cython

Point = cython.struct(x=cython.double, y=cython.double)


def fib(n: cython.int) -> cython.double:
    a: cython.double = 0
    b: cython.double = 1
    for _i in range(n):
        a, b = b, a + b
    return a


def int_div(a: cython.int, b: cython.int) -> cython.int:
    return a // b


def int_mod(a: cython.int, b: cython.int) -> cython.int:
    return a % b


def to_uint(x: cython.uint) -> cython.uint:
    return x


def to_char(x: cython.schar) -> cython.schar:
    return x


def third(x: cython.double) -> cython.double:
    return x / 3.0


def keywords(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


def positional(a, b, /, c):
    return a + b + c


def typed(xs: list, d: dict) -> cython.int:
    return len(xs) + len(d)


def norm2(x: cython.double, y: cython.double) -> cython.double:
    p: Point
    p.x = x
    p.y = y
    return p.x * p.x + p.y * p.y


def sum_three(values) -> cython.int:
    arr: cython.int[3]
    for i in range(3):
        arr[i] = values[i]
    return arr[0] + arr[1] + arr[2]


def chained(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        raise ValueError("chained") from e


def finally_order(log: list):
    try:
        log.append("body")
        raise KeyError("k")
    finally:
        log.append("finally")


def handled_inside():
    try:
        raise KeyError("inner")
    except KeyError:
        return repr(sys.exc_info()[1])


def handled_after():
    try:
        raise KeyError("gone")
    except KeyError:
        pass
    return sys.exc_info()


def with_manager(cm):
    with cm as value:
        return value


def unbound(flag: cython.bint):
    if flag:
        y = str(flag)
    return y


def unpack(seq):
    a, b = seq
    return a + b


def call_it(f, *args, **kw):
    return f(*args, **kw)


@cython.cfunc
@cython.nogil
def triangle(n: cython.long) -> cython.long:
    total: cython.long = 0
    for i in range(n):
        total += i
    return total


def nogil_sum(n: cython.long) -> cython.long:
    with cython.nogil:
        value = triangle(n)
    return value


def shout(s: str) -> str:
    return s.upper() + "!"


def count_words(text: str) -> dict:
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts
