# Bound checks on reads of object locals (not after a top-level assignment, always
# when the local is deleted somewhere), effects and raising calls, and which
# functions keep their line for tracebacks.
import cython


@cython.cfunc
def fails(x: cython.int) -> cython.int:
    if x > 3:
        raise ValueError(x)
    return x


def bound(flag: cython.bint):
    if flag:
        early = [1]
        print(early)
    late = [2]
    print(late)
    gone = [3]
    del gone
    return late


def effects(x: cython.int) -> cython.int:
    y: cython.int = x + 1
    z: cython.int = fails(y) + abs(x)
    return z
