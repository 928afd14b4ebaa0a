"""Deep recursion through `def` functions raises RecursionError at Python's
limit instead of overflowing the C stack."""
import cython


def depth(n: cython.int) -> cython.int:
    if n == 0:
        return 0
    return depth(n - 1) + 1


def obj_depth(n):
    if n == 0:
        return 0
    return 1 + obj_depth(n - 1)


def ping(n: cython.int) -> cython.int:
    if n == 0:
        return 0
    return pong(n - 1)


def pong(n: cython.int) -> cython.int:
    return ping(n) + 1
