# expected-no-diagnostics
# `q, r = divmod(a, b)` of C integers is C arithmetic: no GIL needed.
import cython


@cython.cfunc
@cython.nogil
def digits(n: cython.long) -> cython.long:
    count: cython.long = 0
    while n != 0:
        n, _digit = divmod(n, 10)
        count += 1
    return count


@cython.cfunc
@cython.nogil
def split(a: cython.int, b: cython.uint) -> cython.long:
    q, r = divmod(a, b)
    return q * 1000 + r


def entry(n: cython.long) -> cython.long:
    with cython.nogil:
        q, r = divmod(n, 7)
        d = digits(n) + split(q, 3)
    return d + r
