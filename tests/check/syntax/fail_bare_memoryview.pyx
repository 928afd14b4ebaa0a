import cython


def total(a: double[:]) -> cython.double:  # expected-error PX006
    return a[0]
