# `x.bit_count()` and `x.bit_length()` of C integers of every width and
# signedness, the most negative values included: Python's results, computed
# in C (also without the GIL).
import cython


@cython.cfunc
@cython.nogil
def bits_schar(v: cython.schar) -> cython.int:
    return v.bit_count() * 100 + v.bit_length()


def counts(v: cython.longlong, u: cython.ulonglong, s: cython.short, b: cython.bint):
    return v.bit_count(), v.bit_length(), u.bit_count(), u.bit_length(), s.bit_count(), s.bit_length(), b.bit_count()


def small(v: cython.schar):
    r: cython.int
    with cython.nogil:
        r = bits_schar(v)
    return r
