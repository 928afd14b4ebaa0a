# expected-no-diagnostics
from typing import Any, Dict, List, Optional, Tuple, Union
import typing

import cython

Matrix = List[List[float]]


def takes(a: List[int], b: Dict[str, int], c: Tuple[int, ...], d: typing.Any, e: Any,
          f: Optional[float] = None, g: Union[list, tuple] = None, h: list | None = None,
          i: "cython.int" = 0, j: Matrix = None, k: typing.Optional[dict] = None):
    return a, b, c, d, e, f, g, h, i, j, k


@cython.cfunc
@cython.nogil
def directive_blocks(v: cython.double[:], n: cython.int) -> cython.double:
    total: cython.double = 0
    with cython.boundscheck(False), cython.wraparound(False):
        for i in range(n):
            total += v[i]
    with cython.cdivision(True):
        total += n // 3
    with cython.initializedcheck(False), cython.nonecheck(False):
        pass
    return total


def call_it(v: cython.double[:]) -> cython.double:
    with cython.nogil:
        r = directive_blocks(v, 2)
    return r


# A description is no type: ignored (a Python object), as Cython 3 ignores it.
def described(n: "how many", factor: "int or None" = None) -> "the result":
    width: "in pixels" = n
    return width, factor
