# Fused types: one specialisation per member, picked from the argument types in
# compiled calls and at the Python boundary; `T is cython.int` branches folded.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cfunc
def twice(x: number) -> number:
    return x * 2


@cython.cfunc
@cython.nogil
def as_double(x: number) -> cython.double:
    if number is cython.int:
        return x / 2 * 2  # true division of C integers gives a double
    else:
        return x


@cython.ccall
def add(a: cython.floating, b: cython.floating) -> cython.floating:
    return a + b


def mixed(a: number, b: cython.integral):
    return a + b


def total(v: cython.floating[:]) -> cython.double:
    s: cython.floating = 0
    i: cython.Py_ssize_t
    for i in range(v.shape[0]):
        s += v[i]
    return s


def calls(n: cython.int, d: cython.double):
    with cython.nogil:
        w = as_double(n) + as_double(d)
    return twice(n), twice(d), w


def named(n: cython.int):
    if cython.compiled:
        return twice[cython.double](n)  # the index names the specialisation
    else:
        return twice(cython.cast(cython.double, n))


def keywords():
    return add(b=1.5, a=0.25), mixed(b=2, a=0.5)
