# Errors raised in released code reach the Python caller as the right
# exception: zero division, memoryview bounds, and an explicit `raise` (which
# takes the GIL only to set the exception), through nested nogil calls; the
# state after the error (the GIL held again) lets the next call run normally.
import cython


@cython.cfunc
@cython.nogil
def checked_div(a: cython.long, b: cython.long) -> cython.long:
    return a // b


@cython.cfunc
@cython.nogil
def need_positive(x: cython.double) -> cython.double:
    if x <= 0:
        raise ValueError("x must be positive")
    return x * 2


@cython.cfunc
@cython.nogil
def deep(n: cython.int) -> cython.int:
    if n == 0:
        raise OverflowError("bottom reached")
    return deep(n - 1) + 1


def divide(a: cython.long, b: cython.long) -> cython.long:
    with cython.nogil:
        r = checked_div(a, b)
    return r


def modulo_block(a: cython.int, b: cython.int) -> cython.int:
    with cython.nogil:
        r = a % b
    return r


def positive(x: cython.double) -> cython.double:
    with cython.nogil:
        y = need_positive(x) + 1.0
    return y


def index_in_nogil(a: cython.double[:], i: cython.Py_ssize_t) -> cython.double:
    with cython.nogil:
        v = a[i] + 0.5
    return v


def dive(n: cython.int) -> cython.int:
    with cython.nogil:
        d = deep(n)
    return d


def raise_in_block(flag: cython.int) -> cython.int:
    with cython.nogil:
        if flag == 1:
            raise KeyError("one")
        elif flag == 2:
            raise IndexError("two")
    return flag * 10
