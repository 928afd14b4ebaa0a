import cython


class Point:  # expected-error PX301
    pass


def uses_lambda(n: cython.int):
    return [lambda: i for i in range(n)]  # expected-error PX302


@cython.inlinex  # expected-error PX303
def decorated(n: cython.int) -> cython.int:
    return n


def pointer(n: cython.int) -> cython.int:
    p: cython.pointer(cython.int) = cython.NULL  # expected-error PX304
    return n
