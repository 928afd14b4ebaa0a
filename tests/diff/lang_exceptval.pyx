# @cython.exceptval: error sentinels on cfuncs. exceptval(-1) with a
# legitimate -1 result, exceptval(-1, check=True), and a cfunc with no
# annotation (Cython 3 propagates errors by default); all reach the caller.
import cython


@cython.cfunc
@cython.exceptval(-1)
def parse_digit(c: cython.int) -> cython.int:
    if c < 48 or c > 57:
        raise ValueError("not a digit")
    return c - 48


@cython.cfunc
@cython.exceptval(-1, check=True)
def minus_one_ok(x: cython.long) -> cython.long:
    if x == 0:
        raise ZeroDivisionError("x is zero")
    return x - 2 if x > 0 else -1


@cython.cfunc
def plain_cfunc(x: cython.double) -> cython.double:
    if x != x:
        raise ArithmeticError("nan")
    return x * 3


@cython.cfunc
@cython.nogil
@cython.exceptval(-1, check=True)
def nogil_checked(a: cython.long, b: cython.long) -> cython.long:
    if b == 0:
        raise ZeroDivisionError("b is zero")
    return a // b


def number(text: str) -> cython.long:
    n: cython.long = 0
    for ch in text:
        n = n * 10 + parse_digit(ord(ch))
    return n


def shifted(x: cython.long):
    return minus_one_ok(x)


def tripled(x: cython.double):
    return plain_cfunc(x) + 1


def quotient(a: cython.long, b: cython.long) -> cython.long:
    q: cython.long = 0
    with cython.nogil:
        q = nogil_checked(a, b) + nogil_checked(b, 1)
    return q
