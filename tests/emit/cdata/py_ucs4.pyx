# cython.Py_UCS4: a pyxx::ucs4 (never an integer by mistake); literals are its
# constants, `in "aeiou"` a C test, and objects convert through pyxx::as_c / to_object.
import cython


@cython.cfunc
@cython.nogil
def is_vowel(c: cython.Py_UCS4) -> cython.bint:
    return c in "aeiou" or c == "\u00e9" or c < 0x20


def first(o, n: cython.long):
    c: cython.Py_UCS4 = o
    d: cython.Py_UCS4 = n
    code: cython.int = c
    return c, d, code, is_vowel(c), c + "!"
