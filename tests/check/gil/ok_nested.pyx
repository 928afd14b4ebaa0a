# expected-no-diagnostics
# ok-for: PX203 PX204
import cython


def release_then_acquire(n: cython.int) -> cython.int:
    with cython.nogil:
        n = n + 1
        with cython.gil:
            n = n + 1
            with cython.nogil:
                n = n + 1
    with cython.nogil(False):
        with cython.nogil:
            n = n + 1
    with cython.nogil(True):
        n = n + 1
    return n


def conditional(n: cython.int, flag: cython.bint) -> cython.int:
    with cython.nogil(flag):
        n = n + 1
        with cython.gil(flag):
            n = n + 1
    return n
