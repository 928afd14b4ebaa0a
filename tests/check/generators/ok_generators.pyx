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


# A generator's return annotation is not its call's result (a generator object):
# ignored, as Cython 3 and Python ignore it.
def annotated_c(n: cython.int) -> cython.int:
    yield n


def annotated_text(x: 'int') -> 'float':
    yield float(x)


def annotated_pointer(n: cython.int) -> cython.p_int:
    yield n
