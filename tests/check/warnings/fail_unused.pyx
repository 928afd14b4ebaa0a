import cython


def f(n: cython.int) -> cython.int:
    unused = n * 2  # expected-warning PX401
    return n
