# printf & co.: the literal format is written into the C++ (the C++ compiler's
# format check sees it too); a literal argument is passed as the conversion's
# type, a C string as `const char*`, a `%p` pointer as `const void*`.
import cython
from cython.cimports.libc.stdio import printf, snprintf


@cython.cfunc
@cython.nogil
def show(n: cython.int, big: cython.long, s: cython.p_uchar, p: cython.p_double) -> cython.int:
    buf: cython.char[16]
    k = snprintf(buf, 16, b"%ld", big)
    return k + printf("%d %lu %s %s %p\n", n, 3, s, b"lit", p)
