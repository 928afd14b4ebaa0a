# Assignment expressions Python and pyxx take: C-typed stores without the GIL,
# walruses in comprehensions (bound in the function), in lambdas (bound in the
# lambda), in default values and at module level.
import cython
# expected-no-diagnostics


@cython.nogil
@cython.cfunc
def c_loop(limit: cython.int) -> cython.int:
    i: cython.int = 0
    while (i := i + 1) < limit:
        pass
    return i


def comprehension(xs):
    squares = [s := v * v for v in xs]
    return squares, s


def in_lambda():
    return (lambda: (k := 2) * k)()


def with_default(a=(seed := 3)):
    return a + seed


if (limit := 4) > 2:
    print(c_loop(limit))
