# The GIL state the checker records for every statement: held in def bodies and
# `with gil:` blocks, released in `with nogil:` blocks, maybe released in nogil
# functions. The emitter takes the GIL at `raise`/`assert` only where it may not
# be held.
import cython


@cython.cfunc
@cython.nogil
def checked_div(a: cython.int, b: cython.int) -> cython.int:
    if b == 0:
        raise ZeroDivisionError("b is zero")
    assert a >= 0, "a is negative"
    return a // b


def run(a: cython.int, b: cython.int) -> cython.int:
    r: cython.int = 0
    if a < 0:
        raise ValueError("negative")
    with cython.nogil:
        r = checked_div(a, b)
        with cython.gil:
            assert r != 7
    return r
