# `with cython.nogil(cond)` and `with cython.gil(cond)` with run-time C
# conditions: the block runs released or not, the results are the same; the
# constant forms nogil(True) / nogil(False) fold.
import cython


@cython.cfunc
@cython.nogil
def work(n: cython.long) -> cython.long:
    s: cython.long = 0
    for i in range(n):
        s += i * i % 7
    return s


def maybe_release(n: cython.long, release: cython.bint) -> cython.long:
    r: cython.long = 0
    with cython.nogil(release):
        r = work(n)
    return r


def threshold_release(n: cython.long) -> cython.long:
    r: cython.long = 0
    with cython.nogil(n > 1000):
        r = work(n) + work(n // 2)
    return r


def maybe_reacquire(n: cython.long, take: cython.bint) -> cython.long:
    r: cython.long = 0
    with cython.nogil:
        r = work(n)
        with cython.gil(take):
            r = r * 2 + 1
    return r


def constant_forms(n: cython.long) -> cython.long:
    a: cython.long = 0
    b: cython.long = 0
    with cython.nogil(True):
        a = work(n)
    with cython.nogil(False):
        b = work(n + 1)
    return a * 1000 + b


def error_in_conditional(n: cython.long, d: cython.long, release: cython.bint) -> cython.long:
    r: cython.long = 0
    with cython.nogil(release):
        r = work(n) // d
    return r
