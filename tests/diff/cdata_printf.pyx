# snprintf / fprintf with literal formats checked against their arguments' C
# types. Plain Python (Cython's Shadow module) cannot cimport libc.stdio: the
# driver shows what C gives (documented).
import cython

if cython.compiled:
    from cython.cimports.libc.stdio import FILE, fopen, fclose, fprintf, snprintf
else:
    FILE = cython.void  # only for the annotation: plain Python calls none of these


@cython.cfunc
@cython.nogil
def render(buf: cython.p_char, size: cython.size_t, n: cython.int, x: cython.double, big: cython.long,
           u: cython.uint, c: cython.char, word: cython.p_char) -> cython.int:
    return snprintf(buf, size, b"[%5d|%-4d|%+.2f|%e|%ld|%x|%o|%c|%s|%.2s|%*d|%%]", n, n, x, x, big, u, u, c, word,
                    word, 6, n)


def formatted(n: cython.int, x: cython.double, big: cython.long, word: bytes):
    buf: cython.char[128]
    w: cython.p_char = word
    k: cython.int
    with cython.nogil:
        k = render(buf, 128, n, x, big, 255, 65, w)
    return k, buf[:k]


def truncated(n: cython.int):
    buf: cython.char[8]
    k = snprintf(buf, 8, "%d-%d-%d", n, n, n)
    return k, buf[:7]


def counted(path: bytes, n: cython.int, x: cython.double):
    p: cython.p_char = path
    f: cython.pointer(FILE) = fopen(p, "w")
    if f is cython.NULL:
        raise OSError(path)
    with cython.nogil:
        k = fprintf(f, "%d %.1f %s\n", n, x, b"end")
    fclose(f)
    return k
