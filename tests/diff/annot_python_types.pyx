# Annotations as Cython 3 reads them: builtin types are tested exactly at the
# `def` boundary (None only where the annotation or a `= None` default allows
# it), `float` is a C double, typing's spellings name the same types, and
# string annotations and type aliases name what they quote.
from typing import Any, Dict, List, Optional, Tuple, Union
import typing

import cython

Vector = List[float]
MaybeText = Optional[str]


def takes_list(a: list, b: dict, c: tuple, d: set, e: str, f: bytes) -> int:
    return len(a) + len(b) + len(c) + len(d) + len(e) + len(f)


def takes_int(n: int, flag: bool):
    return n * 2, not flag


def takes_float(x: float) -> float:
    return x / 4


def takes_typing(a: List[int], b: Dict[str, int], c: Tuple[int, ...], d: typing.Any, e: Any) -> tuple:
    return len(a), len(b), len(c), d, e


def optional(a: Optional[list] = None, b: Union[dict, None] = None, c: tuple | None = None, d: list = None):
    return a, b, c, d


def optional_float(x: Optional[float] = None):
    return x


def any_of(a: Union[list, tuple], b: list | tuple | None):
    return a, b


def quoted(n: "cython.int", s: "str", v: "Vector") -> "cython.long":
    return n + len(s) + len(v)


def alias(v: Vector, t: MaybeText) -> int:
    total = 0
    for x in v:
        total += int(x)
    return total + (0 if t is None else len(t))
