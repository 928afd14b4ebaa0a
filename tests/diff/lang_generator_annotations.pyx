# A generator's return annotation is ignored (Cython 3, Python): the call gives
# the generator object and the yielded values are not converted; typed
# parameters still are.
from typing import Iterator

import cython


def typed_items(n: cython.int) -> Iterator[int]:
    i: cython.int
    for i in range(n):
        yield i


def named_float(x: 'int') -> 'float':
    yield float(x)
    yield x


def c_annotated(n: cython.int) -> cython.double:
    yield n
    yield n // 2
    return n * 10


def chained(n: cython.int) -> Iterator[int]:
    result = yield from c_annotated(n)
    yield result
