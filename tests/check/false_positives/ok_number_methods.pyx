# expected-no-diagnostics
# Methods and parts of C numbers are C operations: no GIL needed.
import cython


@cython.cfunc
@cython.nogil
def parts(x: cython.double, n: cython.int) -> cython.double:
    one: cython.double = (1.0).conjugate()
    if x.is_integer():
        return x.real + one + x.imag + n.real + n.imag
    return x.conjugate() + n.conjugate() + n.numerator + n.denominator


def entry(x: cython.double) -> cython.double:
    with cython.nogil:
        v = parts(x, 3)
    return v
