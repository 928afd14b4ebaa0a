# `unicode` as a value: Cython 3 compiles it as `str`, plain Python 3 has no such
# name; pyxx asks for `str`.
import cython


def convert(o: object) -> cython.unicode:
    return unicode(o)  # expected-error PX101: name `unicode` is not defined expected-note: `unicode` is Python 2's `str`: write `str`


def test(o: object):
    t: unicode = "x"
    return t, isinstance(o, unicode)  # expected-error PX101: `unicode` expected-note: write `str`
