# `unicode` as a value is Cython 3's `str`: a builtin read from the module's
# builtins, which needs the GIL like `str` does.
import cython


def convert(o: object) -> cython.unicode:
    with cython.nogil:  # expected-note: the GIL is released here
        t = unicode  # expected-error PX201: reading a Python global `unicode` without the GIL
    return t(o)
