from typing import List, Optional, Union

import cython


@cython.cfunc
@cython.nogil
def nogil_optional(x: Optional[list]) -> cython.int:  # expected-error PX205
    return 0


@cython.cfunc
@cython.nogil
def nogil_typeof(n: cython.int) -> cython.int:
    name = cython.typeof(n)  # expected-error PX201
    return n


def c_in_union(x: Optional[cython.int]):  # expected-error PX304
    return x


def c_tuple(x: tuple[cython.int, complex]):  # expected-error PX113: a C tuple element must be a C type
    return x


def quoted_expression(x: "List[int]"):  # expected-error PX304: `"List[int]"` (only a quoted type name is read
    return x


def quoted_generic(x: "Dict[str, int]"):  # expected-error PX304: the string annotation `"Dict[str, int]"`
    return x


def unknown_quoted(x: "NoSuchType"):  # expected-error PX102
    return x


def bad_directive(n: cython.int):
    with cython.overflowcheck(True):  # expected-error PX301
        n += 1
    return n
