# Builtin-type annotations beyond the def boundary, as Cython 3 checks them: a
# value stored in an annotated local (or a reassigned parameter) must be exactly
# of that type or None ("Expected list, got tuple"); a `@cython.ccall` or
# `@cython.cfunc` returning `-> list` tests what it returns; a plain `def`
# ignores a Python-type return annotation, as Cython does.
from typing import Optional

import cython


def store_list(v):
    x: list = v
    return x


def store_int(v):
    n: int = v
    return n


def store_twice(v, w):
    s: str = v
    s = w
    return s


def store_in_loop(items):
    last: tuple = ()
    for last in items:
        pass
    return last


def store_unpacked(v, w):
    a: list
    b: dict
    a, b = v, w
    for a, b in [(v, w)]:
        pass
    return a, b


def store_optional(v):
    d: Optional[dict] = v
    return d


def reassign_param(a: list, v):
    a = v
    return a


def from_c_values(n: cython.int, d: cython.double, flag: cython.bint):
    i: int = n
    f: Optional[float] = d
    b: bool = flag
    return i, f, b


def float_into_int(d: cython.double):
    i: int = d
    return i


def compare_into_bool(a, b):
    r: bool = a < b
    return r


@cython.ccall
def ccall_list(v) -> list:
    return v


@cython.cfunc
def cfunc_tuple(v) -> tuple:
    return v


def call_cfunc_tuple(v):
    return cfunc_tuple(v)


def def_list(v) -> list:
    return v


def def_int(v) -> int:
    return v


def takes_list(a: list):
    return a


def calls_def(v):
    return takes_list(v)


@cython.ccall
def ccall_takes(a: list):
    return a


def calls_ccall(v):
    return ccall_takes(v)
