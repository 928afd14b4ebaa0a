# The Numba program of the article "Release the GIL" (seed/release-the-gil.md),
# as the article has it. Left out: the notebook-only lines (`%load_ext Cython`,
# `N = 1_000_000_000`, the `%%time` cells) and the module-level warm-up calls
# `numba_nogil(N)`, `numba_gil(N);` and `numba_recurse(2);`: they force Numba's
# JIT compilation, which a module compiled ahead of time does not need, and at
# import they would only burn two billion loop iterations. experiment.py makes
# those calls instead (see examples/README.md).
from numba import jit

# The `int` type annotation is only for humans and is ignored
# by Numba.
@jit(nopython=True, nogil=True)
def numba_nogil(n: int) -> int:
    if n <= 1:
        return n

    a = 0
    b = 1

    c = a + b
    for _i in range(2, n):
        a = b
        b = c
        c = a + b

    return c


# Run using `nopython` mode to receive a performance boost,
# but GIL remains locked due to `nogil=False` by default.
@jit(nopython=True)
def numba_gil(n: int) -> int:
    if n <= 1:
        return n

    a = 0
    b = 1

    c = a + b
    for _i in range(2, n):
        a = b
        b = c
        c = a + b

    return c


from numba import jit

@jit(nopython=True, nogil=True)
def numba_recurse(n: int) -> int:
    if n <= 0:
        return 0

    return numba_recurse(n - 1)
