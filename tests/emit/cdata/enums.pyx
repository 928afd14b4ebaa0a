# Enumerators are their values in the enum's C type (unsigned int when no
# value is negative); INT_MIN is spelled without a negative literal.
import cython


@cython.cfunc
@cython.nogil
def choose(n: cython.int) -> course:
    s: sign = minus if n < 0 else plus
    if s == plus and n > PORTIONS:
        return main
    return starter
