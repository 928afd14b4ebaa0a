# C strings: pointers into bytes and bytearray objects, char arrays and char
# pointer slices as bytes, methods on the bytes a C string makes, C string
# functions of libc without the GIL.
import cython
from cython.cimports.libc.string import strlen, memcpy


@cython.cfunc
@cython.nogil
def count_char(p: cython.p_char, c: cython.char) -> cython.int:
    n: cython.int = 0
    while p[0] != 0:
        if p[0] == c:
            n += 1
        p += 1
    return n


def counts(data: bytes, c: cython.char):
    p: cython.p_char = data
    n: cython.int
    with cython.nogil:
        n = count_char(p, c)
    return n, strlen(p)


def pieces(data: bytes, lo: cython.int, hi: cython.int):
    p: cython.p_char = data
    return p, p[lo:hi], p[:hi], p.decode("latin-1"), p.upper()


def through_bytearray(buffer: bytearray):
    p: cython.p_uchar = buffer
    p[0] = 35  # writes into the bytearray's own buffer
    return p[0], buffer


def echo(p: cython.p_char) -> cython.p_char:
    return p


def fixed_buffer(data: bytes):
    buf: cython.char[8]
    p: cython.p_char = data
    n: cython.size_t = strlen(p)
    if n > 7:
        n = 7
    memcpy(buf, p, n)
    buf[n] = 0
    return buf, buf[:n], buf[2:], buf.decode("ascii")


def literal():
    p: cython.p_char = b"spam\x00eggs"
    return p, p[0:9]


@cython.cfunc
@cython.nogil
def literal_lengths() -> cython.size_t:
    s: cython.p_char = b"hello"
    return strlen(s) + strlen(b"ab") * 10


@cython.cfunc
@cython.nogil
def greeting() -> cython.p_char:
    return b"hi"


def literals_without_gil():
    n: cython.size_t
    with cython.nogil:
        n = literal_lengths()
    return n, greeting()
