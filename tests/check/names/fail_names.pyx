import cython


def undefined(n: cython.int) -> cython.int:
    return m + n  # expected-error PX101


def bad_annotation(n: cython.int) -> cython.int:
    x: cython.ulonglongx = 0  # expected-error PX102
    return n


def mismatch(v: cython.double[:]) -> cython.int:
    n: cython.int = v  # expected-error PX103
    return n


@cython.cfunc
def two(a: cython.int, b: cython.int) -> cython.int:
    return a + b


def wrong_count() -> cython.int:
    return two(1)  # expected-error PX104


def dup(n: cython.int) -> cython.int:
    return n


def dup(n: cython.int) -> cython.int:  # expected-error PX105
    return n
