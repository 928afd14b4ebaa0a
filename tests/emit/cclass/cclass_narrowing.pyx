# `if isinstance(x, T):` tests against the type itself and types `x` as T in
# the branch; cython.cast to an extension type tests the object.
import cython


@cython.cclass
class Box:
    size: cython.long


def size_of(x) -> cython.long:
    if isinstance(x, Box):
        return x.size
    return -1


def cast_size(x) -> cython.long:
    return cython.cast(Box, x).size
