import cython


def ordered(a: complex, b: complex):
    return a < b  # expected-error PX111


def ordered_with_float(a: complex, x: cython.double):
    return x <= a  # expected-error PX111


def floor(a: complex):
    return a // 2  # expected-error PX111


def bits(a: cython.doublecomplex, n: cython.int):
    return a | n  # expected-error PX111


def narrowing(a: complex) -> cython.double:
    x: cython.double = a  # expected-error PX103
    return x


def view(v: cython.doublecomplex[:]):  # expected-error PX304
    return v


@cython.cfunc
@cython.nogil
def printed(z: complex) -> cython.double:
    print(z)  # expected-error PX202
    return z.real
