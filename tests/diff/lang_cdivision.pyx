# @cython.cdivision(True): `/`, `//` and `%` on C integers are C's truncating
# operations. Plain Python floors, so on the plain side the driver prints a
# model of C's truncation instead (diff_support.show's c_model=).
import cython


@cython.cdivision(True)
def c_div_mod(a: cython.long, b: cython.long):
    q: cython.long = a // b
    r: cython.long = a % b
    return (q, r)


@cython.cdivision(True)
def c_true_div(a: cython.long, b: cython.long) -> cython.double:
    return a / b


@cython.cdivision(True)
@cython.cfunc
@cython.nogil
def c_mod_nogil(a: cython.int, b: cython.int) -> cython.int:
    return a % b


def c_mod_via_def(a: cython.int, b: cython.int) -> cython.int:
    return c_mod_nogil(a, b)


def digits_reversed(n: cython.int) -> cython.long:
    out: cython.long = 0
    with cython.nogil:
        while n > 0:
            out = out * 10 + c_mod_nogil(n, 10)
            n = n // 10
    return out


@cython.cdivision(True)
def float_div(x: cython.double, y: cython.double) -> cython.double:
    return x / y
