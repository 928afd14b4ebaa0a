# `y := v`: the value in a temporary typed as `y`, the store, then the
# temporary; a local stored by `:=` is read in order with the other operands.
import cython


@cython.cfunc
@cython.nogil
def count_up(limit: cython.int) -> cython.int:
    i: cython.int = 0
    while (i := i + 1) < limit:
        pass
    return i


def reread(x: cython.long):
    return x + (x := 5) + x


def first(words):
    if (n := len(words)) > 1:
        return n
    return 0
