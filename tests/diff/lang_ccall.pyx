# @cython.ccall: C functions that Python can call too, with C and object
# parameters, called natively from other functions and through the wrapper.
import cython


@cython.ccall
def hypot_sq(x: cython.double, y: cython.double) -> cython.double:
    return x * x + y * y


@cython.ccall
def clamp_long(v: cython.long, lo: cython.long, hi: cython.long) -> cython.long:
    if v < lo:
        return lo
    return hi if v > hi else v


@cython.ccall
def describe(tag, n: cython.int):
    return f"{tag}:{n * 2}"


@cython.ccall
def tri(n: cython.long) -> cython.long:
    if n <= 0:
        return 0
    return n + tri(n - 1)


def use_natively(n: cython.int) -> cython.double:
    total: cython.double = 0.0
    for i in range(n):
        total += hypot_sq(i, 1.0) + clamp_long(i, 2, 5)
    return total


@cython.ccall
@cython.nogil
def nogil_twice(x: cython.long) -> cython.long:
    return 2 * x


def twice_without_gil(x: cython.long) -> cython.long:
    with cython.nogil:
        y = nogil_twice(x) + nogil_twice(1)
    return y
