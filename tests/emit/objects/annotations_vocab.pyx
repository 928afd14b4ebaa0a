# Parameter type tests at the def boundary, cython.typeof, cython.compiled,
# and a directive `with` block.
from typing import Optional

import cython


def typed(a: list, b: Optional[dict] = None, c: int = 0, d: str = None):
    return cython.typeof(a), a, b, c, d


def cdiv(a: cython.int, b: cython.int) -> cython.int:
    if not cython.compiled:
        return -1
    with cython.cdivision(True):
        q = a // b
    return q
