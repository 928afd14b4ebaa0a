import cython


@cython.cclass
class Box:
    size: cython.long


def rebound(x) -> cython.long:
    n: cython.long = 0
    if isinstance(x, Box):
        with cython.nogil:
            # Not narrowed: the branch binds `x` again.
            n = x.size  # expected-error PX201: attribute access on a Python object (`.size`)
        x = None
    return n


def either(x) -> cython.long:
    n: cython.long = 0
    if isinstance(x, Box) or x is None:
        with cython.nogil:
            # Only `if isinstance(x, T):` narrows.
            n = x.size  # expected-error PX201: attribute access on a Python object (`.size`)
    return n


def guard_falls_through(x) -> cython.long:
    n: cython.long = 0
    if not isinstance(x, Box):
        n = 1  # the branch may fall through: no narrowing after it
    with cython.nogil:
        n = x.size  # expected-error PX201: attribute access on a Python object (`.size`)
    return n


def guard_then_rebound(x) -> cython.long:
    n: cython.long = 0
    if not isinstance(x, Box):
        return -1
    with cython.nogil:
        # Not narrowed: the rest of the block binds `x` again.
        n = x.size  # expected-error PX201: attribute access on a Python object (`.size`)
    x = None
    return n


def guard_with_else(x) -> cython.long:
    n: cython.long = 0
    if not isinstance(x, Box):
        return -1
    else:
        n = 2
    with cython.nogil:
        n = x.size  # expected-error PX201: attribute access on a Python object (`.size`)
    return n


def conjunct_rebound(x) -> cython.long:
    n: cython.long = 0
    if isinstance(x, Box) and n == 0:
        with cython.nogil:
            # Not narrowed: the branch binds `x` again.
            n = x.size  # expected-error PX201: attribute access on a Python object (`.size`)
        x = None
    return n


def after_conjunction(x) -> cython.long:
    n: cython.long = 0
    ok = isinstance(x, Box) and x.size > 0
    with cython.nogil:
        # The narrowing ends with the `and` expression.
        n = x.size  # expected-error PX201: attribute access on a Python object (`.size`)
    return n
