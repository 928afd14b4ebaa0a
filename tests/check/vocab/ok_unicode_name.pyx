# `unicode` (in annotations) and `cython.unicode` are Cython 3's names for
# `str`: a Python `str`, not an unknown type. No PX102.
# ok-for: PX102
# expected-no-diagnostics
import cython


@cython.cfunc
def joined(a: unicode, b: cython.unicode) -> cython.unicode:
    t: unicode = a + b
    return cython.cast(cython.unicode, t)


def use(a: "unicode") -> "unicode":
    s = cython.declare(cython.unicode, a)
    return joined(s, s)


# As a value too (a call, `type(o) is unicode`, isinstance, a cast): `str`.
def convert(o: object) -> unicode:
    if type(o) is unicode or isinstance(o, unicode):
        return cython.cast(unicode, o)
    return unicode(o)
