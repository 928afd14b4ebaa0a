# expected-no-diagnostics
# A docstring (or any constant as a statement) evaluates nothing: it is no
# object use, also in nogil functions, `with nogil` blocks and Numba bodies.
"""Module docstring."""
import cython
from numba import njit


@cython.cfunc
@cython.nogil
def square(n: cython.int) -> cython.int:
    """The square of n."""
    return n * n


@cython.cfunc
@cython.nogil
def placeholder(n: cython.int) -> cython.void:
    ...


@njit(nogil=True)
def numba_double(n: int) -> int:
    """Twice n."""
    return 2 * n


def entry(n: cython.int) -> cython.int:
    """Calls square without the GIL."""
    with cython.nogil:
        "a string statement"
        b"bytes"
        42
        r = square(n)
        placeholder(n)
    return r + numba_double(n)
