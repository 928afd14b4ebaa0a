import cython


def f(n: cython.int) -> cython.int:
    unused = n * 2  # expected-warning PX401
    return n


def stored_and_forgotten(n: cython.int) -> cython.int:
    total: cython.int = n  # expected-warning PX401
    return n


def declared_with_a_value(n: cython.int) -> cython.int:
    x = cython.declare(cython.int, 5)  # expected-warning PX401
    return n
