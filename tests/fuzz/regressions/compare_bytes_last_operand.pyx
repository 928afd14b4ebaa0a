import cython


def f(n: cython.int):
    return n == b"A"
