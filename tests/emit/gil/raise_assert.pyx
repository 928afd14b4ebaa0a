# `raise` and `assert` take the GIL only where the checker says it may not be
# held: in nogil functions and `with nogil:` blocks, not in def bodies or
# `with gil:` blocks.
import cython


def held(x: cython.int) -> cython.int:
    assert x != 1, "one"
    if x < 0:
        raise ValueError("negative")
    return x


@cython.cfunc
@cython.nogil
def maybe_released(x: cython.int) -> cython.int:
    assert x != 2
    if x > 100:
        with cython.gil:
            raise OverflowError("too big")
    return x


def released(x: cython.int) -> cython.int:
    with cython.nogil:
        if x == 3:
            raise KeyError(x)
        x = maybe_released(x)
    return x
