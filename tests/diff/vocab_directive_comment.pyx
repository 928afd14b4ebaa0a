# cython: language_level=3
# cython: annotation_typing=False, infer_types=False
# The module's directive comment: no annotation of this module is a type, and
# no local is inferred a C type.
import cython


def passes_anything(a: list, n: cython.int) -> cython.int:
    return a, n


def no_wrap(n: cython.int):
    x = n
    return x * x * x


@cython.annotation_typing(True)
def typed_again(a: list, n: cython.int):
    return len(a) + n
