import cython


@cython.cfunc
def scale(x: cython.int) -> cython.int:
    return 2 * x
