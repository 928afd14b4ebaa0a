# cython.Py_UCS4 is a code point held as a C value: one-character str literals
# are its constants, comparisons and `in` a str literal are C, so all of it
# runs without the GIL; it becomes a str where it meets an object.
# expected-no-diagnostics
import cython


@cython.cfunc
@cython.nogil
def kind(c: cython.Py_UCS4) -> cython.int:
    if c in "aeiou":
        return 1
    if "0" <= c <= "9" or c == 0x5F:
        return 2
    if c not in "xyz" and c != "q":
        return 3
    return 0


@cython.cfunc
@cython.nogil
def shifted(c: cython.Py_UCS4, by: cython.int) -> cython.Py_UCS4:
    code: cython.long = c
    d: cython.Py_UCS4 = code + by
    return d


def kinds(s: str):
    c: cython.Py_UCS4
    out = []
    for c in s:
        with cython.nogil:
            k = kind(c)
        out.append((c, k, c.isupper(), c * 2))
    return out


def round_trip(o, n: cython.int):
    c: cython.Py_UCS4 = o
    first: cython.Py_UCS4 = "\u00e9"
    s: str = shifted(c, n)
    return s, first, cython.typeof(c), ord(c), c in o, c == o, c + "!"


def as_unicode(o) -> unicode:
    if type(o) is unicode or isinstance(o, unicode):
        return cython.cast(unicode, o)
    return unicode(o)
