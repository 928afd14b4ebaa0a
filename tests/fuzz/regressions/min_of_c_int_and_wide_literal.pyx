# min/max of a C int and a literal that fits only a wider type once reached the
# C++ compiler as a narrowing conversion; it is PX115 now (the regression is
# that the translation is refused, not emitted).
import cython


def bounded(x: cython.int, y: cython.longlong):
    return min(y, 4294967295), max(-4294967296, y), min(x, 7)
