# `unicode` and `cython.unicode` name Python's `str`, as in Cython 3: exactly
# tested at the boundary, a `str` inside.
import cython


@cython.cfunc
def as_text(s) -> cython.unicode:
    if type(s) is str:
        return cython.cast(cython.unicode, s)
    return str(s)


def text(o):
    return as_text(o)


def twice(s: cython.unicode) -> cython.unicode:
    t: unicode = s + s
    return t


def upper_first(s: "unicode"):
    return s[:1].upper() + s[1:]
