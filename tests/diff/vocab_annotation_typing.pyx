# @cython.annotation_typing(False) and @cython.infer_types(False/None), as
# Cython reads them: annotations of such a function (or of a
# `with cython.annotation_typing(False):` block) are no types, everything is a
# Python object; without inference an unannotated local is a Python object too,
# so its arithmetic cannot wrap; None infers only what cannot wrap.
import cython


@cython.annotation_typing(False)
def untyped(a: int, b: cython.int, c: list = None) -> cython.int:
    d: list = a
    return d, b, c


@cython.annotation_typing(False)
def big_product(n: cython.int):
    m: cython.int = n * n
    return m * n


@cython.annotation_typing(False)
def outer(a: cython.int):
    def inner(b: list):
        return b
    return inner(a)


def with_block(a: cython.int, v):
    s: cython.int = a + 1
    with cython.annotation_typing(False):
        c: list = v
        t: cython.int = s * 2**40
    return s, c, t


@cython.annotation_typing(True)
def typed(a: list):
    return len(a)


@cython.infer_types(False)
def cube_off(n: cython.int):
    x = n
    return x * x * x


@cython.infer_types(None)
def cube_safe(n: cython.int):
    x = n
    half = n * 0.5
    return x * x * x, half


@cython.infer_types(True)
def cube_full(n: cython.int):
    x = n
    return x * x * x
