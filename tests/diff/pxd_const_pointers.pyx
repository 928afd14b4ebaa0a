# Pointers to const: a bytes object read through `const char*`, an array
# read through `long const*` (a pointer to non-const converts to it), and
# pointer arithmetic on them, also without the GIL. Plain Python runs the same
# code on bytes and lists.
import cython


def count(s, c):
    n: cython.int = 0
    i: cython.int = 0
    while s[i] != 0:
        if s[i] == c:
            n += 1
        i += 1
    return n


def total(p, n):
    s: cython.long = 0
    i: cython.int
    for i in range(n):
        s += p[i]
    return s


def letters(b: bytes, c: cython.char) -> cython.int:
    return count(b, c)


def sums(n: cython.int) -> cython.long:
    data = cython.declare(cython.long[8])
    k: cython.int
    for k in range(8):
        data[k] = k * n
    s: cython.long
    with cython.nogil:
        s = total(data, 8)
    return s
