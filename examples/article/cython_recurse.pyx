# The article's crashing example in pure-Python mode. Cython 0.29 compiled it and
# CPython died at run time with "PyEval_SaveThread: NULL tstate"; pyxx rejects it
# at compile time: the `with cython.nogil:` releases a GIL that is not held.
#
#   pyxx check examples/article/cython_recurse.pyx            -> error PX203, exit 1
#   pyxx check --verify examples/article/cython_recurse.pyx   -> exit 0 (as expected)
import cython

@cython.cfunc
@cython.nogil
def cython_recurse(n: cython.int) -> cython.int:
    if n <= 0:
        return 0
    with cython.nogil:  # expected-error PX203
        return cython_recurse(n - 1)
