# expected-no-diagnostics
import cython


@cython.cclass
class Box:
    size: cython.long

    @cython.cfunc
    @cython.nogil
    def doubled(self) -> cython.long:
        return 2 * self.size


def size_of(x) -> cython.long:
    n: cython.long = 0
    if isinstance(x, Box):
        with cython.nogil:
            n = x.size + x.doubled()
    return n


def cast_size(x) -> cython.long:
    b: Box = cython.cast(Box, x, typecheck=True)
    with cython.nogil:
        b.size += 1
    return b.size


def guarded_size(x) -> cython.long:
    # `if not isinstance(x, T):` with a branch that never falls through: `x` is
    # a T in the rest of the block.
    n: cython.long = 0
    if not isinstance(x, Box):
        raise TypeError("expected a Box")
    with cython.nogil:
        n = x.size + x.doubled()
    return n


def total_size(items) -> cython.long:
    n: cython.long = 0
    for x in items:
        if not isinstance(x, Box):
            continue
        with cython.nogil:
            n += x.size
    return n


def conjunction(x, y) -> cython.long:
    # `isinstance(x, T) and ...`: the operands after the test, and the branch
    # when the whole condition holds, see `x` as a T.
    n: cython.long = 0
    if y is not None and isinstance(x, Box) and x.size > 0 and isinstance(y, Box):
        with cython.nogil:
            n = x.size + y.doubled()
    return n
