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
