# cython.Py_UCS4: a code point in C, a one-character str in Python.
import cython


@cython.ccall
def is_vowel(c: cython.Py_UCS4) -> cython.bint:
    return c in "aeiou"


@cython.cfunc
@cython.nogil
def is_word_char(c: cython.Py_UCS4) -> cython.bint:
    return "a" <= c <= "z" or "A" <= c <= "Z" or c == "_" or c not in " \t\u00e9"


def word_chars(s: str) -> cython.int:
    n: cython.int = 0
    c: cython.Py_UCS4
    for c in s:
        with cython.nogil:
            if is_word_char(c):
                n += 1
    return n


def as_objects(c: cython.Py_UCS4):
    # Wherever it meets an object it is the one-character str.
    print(c)
    return c, [c], str(c), f"<{c}>", {c: ord(c)}, c * 3, c + "!", c.upper(), c.isdigit()


def python_arithmetic(c: cython.Py_UCS4, x):
    return c + x


def compare_objects(c: cython.Py_UCS4, o):
    return c == o, c in o


def first_char(o):
    c: cython.Py_UCS4 = o
    return c


def code_compare(c: cython.Py_UCS4) -> cython.bint:
    return c == 0x41 or c > 0x1F600


def from_code(n: cython.long):
    c: cython.Py_UCS4 = n
    return c


def code_of(c: cython.Py_UCS4) -> cython.long:
    n: cython.long = c
    return n


def type_name(c: cython.Py_UCS4):
    return cython.typeof(c)


def text(s) -> cython.unicode:
    if type(s) is unicode:
        return cython.cast(unicode, s)
    if isinstance(s, unicode):
        return unicode(s)
    return unicode(len(s))
