import cython


def already_held(n: cython.int) -> cython.int:
    with cython.gil:  # expected-error PX204
        n = n + 1
    return n


def conditional(n: cython.int, flag: cython.bint) -> cython.int:
    with cython.gil(flag):  # expected-error PX204
        n = n + 1
    return n
