# After one mistake, no follow-on errors: the set of diagnostics is exactly the
# root causes (pyxx check --verify fails on any other one).
import cython


@cython.cfunc
@cython.nogil
def unknown_name(n: cython.int) -> cython.int:
    x = undefined_thing + 1  # expected-error PX101
    y = x * 2
    z = y + x
    return z


@cython.cfunc
@cython.nogil
def bad_local_type(n: cython.int) -> cython.int:
    x: cython.foo = n  # expected-error PX102
    y = x + 1
    if y > 2:
        return y
    return x


@cython.cfunc
@cython.nogil
def bad_param(n: cython.foo) -> cython.int:  # expected-error PX102
    m = n + 1
    return m * n


@cython.cfunc
@cython.nogil
def bad_return(n: cython.int) -> cython.foo:  # expected-error PX102
    return n


def caller(n: cython.int) -> cython.int:
    with cython.nogil:
        a = bad_return(n)
        b = bad_param(n)
        c = a + b
    return c


def unknown_call(n: cython.int) -> cython.int:
    v = mystery(n)  # expected-error PX101
    w = v + 1
    with cython.nogil:
        u = w * 2
    return u


@cython.cfunc
@cython.nogil
def object_param(n) -> cython.int:  # expected-error PX205
    k = n + 1
    return k


@cython.cfunc
@cython.nogil
def object_return(n: cython.int) -> object:  # expected-error PX205
    return n


def uses_object_return(n: cython.int) -> cython.int:
    with cython.nogil:
        r = object_return(n)
    return r


@cython.nogil  # expected-error PX107
def forgot_cfunc(n: cython.int) -> cython.int:
    return n


def calls_forgot_cfunc(n: cython.int) -> cython.int:
    with cython.nogil:
        r = forgot_cfunc(n)
    return r


def still_checked(n: cython.int) -> cython.int:
    with cython.nogil:
        print(n)  # expected-error PX202
    return n
