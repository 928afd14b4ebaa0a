# printf, fprintf, snprintf with literal formats whose conversions match their
# arguments (C's promotions: a char, short or bint is an int, a float a
# double); no GIL needed.
# ok-for: PX113 PX302
# expected-no-diagnostics
import cython
from cython.cimports.libc.stdio import printf, fprintf, snprintf, stdout, stderr


@cython.cfunc
@cython.nogil
def report(n: cython.int, c: cython.char, h: cython.short, b: cython.bint, f: cython.float,
           d: cython.double, big: cython.long, u: cython.uint, z: cython.size_t, s: cython.Py_ssize_t,
           text: cython.p_char, p: cython.p_int) -> cython.int:
    k = printf("%d %c %hd %d %f %.3e %ld %u %x %zu %zd %s %p %%\n", n, c, h, b, f, d, big, u, u, z, s, text, p)
    k += fprintf(stderr, b"%*d|%-5s|\n", 4, n, b"ab")
    buf: cython.char[32]
    k += snprintf(buf, 32, b"%lld %llu %Lf", cython.cast(cython.longlong, big), cython.cast(cython.ulonglong, u),
                  cython.cast(cython.longdouble, d))
    return k + printf(b"plain\n") + printf(b"%lu %d\n", 5, 7)
