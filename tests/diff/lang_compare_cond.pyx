# Chained comparisons (each operand evaluated once), conditional expressions
# on C values, and bint results.
import cython


@cython.cfunc
def counted(v: cython.long, counter: cython.long[:]) -> cython.long:
    counter[0] += 1
    return v


def in_range(lo: cython.long, x: cython.long, hi: cython.long) -> cython.bint:
    return lo <= x < hi


def all_equal(a: cython.double, b: cython.double, c: cython.double) -> cython.bint:
    return a == b == c


def descending(a: cython.int, b: cython.int, c: cython.int, d: cython.int):
    return a > b > c > d


def chain_once(a: cython.long, b: cython.long, c: cython.long, counter: cython.long[:]):
    r = a < counted(b, counter) < c
    return (r, counter[0])


def sign(x: cython.double) -> cython.int:
    return 1 if x > 0 else (-1 if x < 0 else 0)


def pick(flag: cython.bint, a: cython.long, b: cython.long):
    return a if flag else b


def cond_nogil(n: cython.int) -> cython.long:
    total: cython.long = 0
    with cython.nogil:
        for i in range(n):
            total += i if i % 2 == 0 else -i
    return total


def mixed_chain(a: cython.int, x: cython.double, b: cython.long) -> cython.bint:
    return a < x <= b != a
