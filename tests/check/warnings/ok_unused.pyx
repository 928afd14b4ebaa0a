# expected-no-diagnostics
# ok-for: PX401
import cython


def f(n: cython.int) -> cython.int:
    used = n * 2
    _ignored = n * 3
    for _i in range(n):
        used += 1
    return used
