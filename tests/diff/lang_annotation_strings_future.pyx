# Under `from __future__ import annotations` (PEP 563) a class body's
# annotations are their source text, a string literal written as CPython
# writes it back (its repr), whatever quotes the source used.
from __future__ import annotations

import cython


class Strings:
    double: "int"
    single: 'int'
    joined: ("List" '[int]')
    quoted: "it's"
    escaped: "\t\xa0é"
    raw: r"\d"
    plain: int
    subscripted: list[int]
    assigned: "float" = 1.5


def stored():
    return sorted(Strings.__annotations__.items())
