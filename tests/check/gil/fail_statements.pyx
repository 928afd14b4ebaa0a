import cython


@cython.cfunc
@cython.nogil
def statements(n: cython.int) -> cython.int:
    try:  # expected-error PX201: try
        n = n + 1
    except ValueError:
        pass
    import os  # expected-error PX201: import
    raise  # expected-error PX201: re-raising


@cython.cfunc
@cython.nogil
def returns_object_local(n: cython.int) -> cython.int:
    x: object = n  # expected-error PX201: Python object local
    return n


def returns_from_nogil(n: cython.int):
    with cython.nogil:
        return n  # expected-error PX201: converting
