# A Python context manager needs the GIL: `with` over one inside `with nogil:`
# or in a nogil function is rejected, once per item, at the item.
import cython


@cython.cfunc
@cython.nogil
def locked(n: cython.int) -> cython.int:
    with open("log.txt") as f:  # expected-error PX201
        pass
    return n


def released(path, n: cython.int) -> cython.int:
    with cython.nogil:
        with open(path):  # expected-error PX201
            n += 1
    with open(path) as f, cython.nogil:
        n += 1
    return n
