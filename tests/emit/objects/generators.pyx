# A generator function returns make_generator(...) at once; its body is a
# lambda that runs on the generator's own stack and yields through `pyxx_gen`.
import cython


def countdown(n: cython.int):
    while n > 0:
        received = yield n
        if received is not None:
            n = received
        n -= 1
    return "done"


def chained(first, second):
    result = yield from first
    try:
        yield result
    finally:
        yield from second
