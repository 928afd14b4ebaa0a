# expected-no-diagnostics
# ok-for: PX116
# Plain `def` generators: C locals, nogil blocks without a `yield` inside,
# calls of nogil C functions, `yield from`, return values.
import cython


@cython.cfunc
@cython.nogil
def step(i: cython.int) -> cython.int:
    return 3 * i + 1


def walk(n: cython.int):
    i: cython.int = 0
    total: cython.long = 0
    while i < n:
        with cython.nogil:
            total += step(i)
        yield total
        i += 1
    return total


def both(n: cython.int):
    first = yield from walk(n)
    received = yield first
    return received
