# With-item effects after constant folding (nogil, nogil(False), nogil(cond),
# gil, gil(cond)), C counting loops, and module-level statements (GIL held,
# globals).
import cython


@cython.cfunc
@cython.nogil
def work(n: cython.int) -> cython.int:
    total: cython.int = 0
    for i in range(n):
        total += i
    return total


def run(n: cython.int, release: cython.bint) -> cython.int:
    r: cython.int = 0
    with cython.nogil(False):
        r = work(n)
    with cython.nogil(release):
        r += work(n)
    with cython.nogil:
        with cython.gil(release):
            r += 1
        with cython.gil:
            r += 1
    return r


LIMIT = 10
result = run(LIMIT, True)
