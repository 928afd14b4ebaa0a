# libc's string functions on C strings, with and without the GIL: atoi, atol,
# atof, strcmp, strncmp (compared with the shim's), and strcpy, strncpy,
# strcat, strncat writing into a char array.
import cython
from cython.cimports.libc.stdlib import atof, atoi, atol
from cython.cimports.libc.string import strcat, strcmp, strcpy, strlen, strncat, strncmp, strncpy


@cython.cfunc
@cython.nogil
def sign(n: cython.int) -> cython.int:
    return (n > 0) - (n < 0)


def numbers(text: bytes):
    p: cython.p_char = text
    i: cython.int
    n: cython.long
    x: cython.double
    with cython.nogil:
        i = atoi(p)
        n = atol(p)
        x = atof(p)
    return i, n, x


def compare(a: bytes, b: bytes, k: cython.size_t):
    p: cython.p_char = a
    q: cython.p_char = b
    with cython.nogil:
        whole = sign(strcmp(p, q))
        prefix = sign(strncmp(p, q, k))
    return whole, prefix, sign(strcmp(b"abc", p))


def build(word: bytes):
    buf: cython.char[32]
    w: cython.p_char = word
    with cython.nogil:
        strcpy(buf, b"<")
        strncat(buf, w, 5)
        strcat(buf, b">")
    copy: cython.char[8]
    strncpy(copy, b"xyz", 8)
    return buf, copy, strlen(buf)
