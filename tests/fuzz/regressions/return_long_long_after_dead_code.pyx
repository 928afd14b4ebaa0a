import cython


def f(n: cython.int) -> cython.longlong:
    return n
    unused = n * 2
