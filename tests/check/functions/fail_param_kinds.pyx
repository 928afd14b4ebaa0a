# Parameter forms and unpacking pyxx rejects: in nogil code (as Cython), on C
# functions (Cython binds their arguments at compile time), and Python's own
# syntax errors that the grammar lets through.
import cython


def takes(a, *args, **kwargs):
    return a


@cython.cfunc
def c_star(*args) -> cython.int:  # expected-error PX301: `*args` parameters of a `@cython.cfunc` function
    return 0


@cython.ccall
def c_kwonly(a, *, b) -> cython.int:  # expected-error PX301: keyword-only parameters
    return 0


@cython.cfunc
def c_posonly(a, /) -> cython.int:  # expected-error PX301: positional-only parameters
    return 0


@cython.cfunc
def c_plain(a: cython.int, b: cython.int = 2) -> cython.int:
    return a + b


def posonly(a, /, b):
    return a


def calls(xs, kw):
    c_plain(*xs)  # expected-error PX302: unpacking in a call of the C function `c_plain`
    posonly(a=1, b=2)  # expected-error PX104: positional-only
    return takes(*xs, **kw)


def nogil_unpacking(xs: list, n: cython.int) -> cython.int:
    with cython.nogil:
        ys = [*xs]  # expected-error PX201: list
        takes(*xs)  # expected-error PX202
        a, *rest = xs  # expected-error PX201: unpacking
    return n


def starred_targets(xs):
    a, *b, *c = xs  # expected-error PX002: multiple starred expressions
    return a
