# Python objects bound inside `with gil:` blocks of a nogil function live on
# across blocks and are released under the GIL when the function returns.
import cython


@cython.cfunc
@cython.nogil
def collect(n: cython.int) -> cython.int:
    total: cython.int = 0
    with cython.gil:
        items = [n, n + 1]
    for i in range(n):
        total += i
    with cython.gil:
        items.append(total)
        total = len(items) * 100 + items[-1]
    return total


def run_released(n: cython.int) -> cython.int:
    with cython.nogil:
        r = collect(n)
    return r


def run_held(n: cython.int) -> cython.int:
    return collect(n)
