# C strings: from a variable holding bytes or bytearray, from literals (an
# unprefixed one as its UTF-8 bytes, as Cython coerces it); back to `bytes`,
# slices as `bytes`, methods of the bytes they make. No PX121.
# ok-for: PX121
# expected-no-diagnostics
import cython
from cython.cimports.libc.string import memcpy, strlen


@cython.cfunc
@cython.nogil
def count(p: cython.p_char, c: cython.char) -> cython.int:
    n: cython.int = 0
    while p[0] != 0:
        n += p[0] == c
        p += 1
    return n


def use(b: bytes, ba: bytearray):
    p: cython.p_char = b
    q: cython.p_uchar = ba
    r: cython.p_char = "text"
    s: cython.p_char = b"bytes"
    n: cython.int
    with cython.nogil:
        n = count(p, 97) + cython.cast(cython.int, strlen(r))
    return p, q[0], p[1:3], p.decode("ascii"), r, s, n


def echo(p: cython.p_char) -> cython.p_char:
    return p


Label = cython.struct(text=cython.p_char, size=cython.int)


@cython.cfunc
@cython.nogil
def literals() -> cython.size_t:
    # A string literal that becomes a C string needs no GIL.
    s: cython.p_char = b"bytes"
    t: cython.p_char
    t = "text"
    buf: cython.char[8]
    memcpy(buf, b"abc\0", 4)
    label: Label = Label(b"name", 4)
    return strlen(s) + strlen(b"ab") + strlen(t) + strlen(buf) + strlen(label.text) + count(b"aa", 97)


@cython.cfunc
@cython.nogil
def constant_name() -> cython.p_char:
    return b"name"
