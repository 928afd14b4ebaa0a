# The article's crash: releasing the GIL inside a nogil function that may be
# called without it kills CPython (PyEval_SaveThread: NULL tstate).
import cython


@cython.cfunc
@cython.nogil
def cython_recurse(n: cython.int) -> cython.int:
    if n <= 0:
        return 0

    with cython.nogil:  # expected-error PX203
        return cython_recurse(n - 1)
