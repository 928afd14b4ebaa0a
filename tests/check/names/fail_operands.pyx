import cython


def operands(v: cython.double[:], n: cython.int) -> cython.int:
    x = v + 1  # expected-error PX111
    return n


def not_callable(n: cython.int) -> cython.int:
    return n(1)  # expected-error PX112


def type_as_value(n: cython.int) -> cython.int:
    t = cython.int  # expected-error PX113
    return n


def use_before() -> cython.int:
    x = x + 1  # expected-error PX114
    return 0
