# Cython's pure-mode vocabulary: decorators that change nothing observable
# (inline, profile(False), linetrace(False), annotation_typing(True),
# infer_types(True), the test-suite directives), @cython.returns,
# @cython.exceptval in each form, @cython.nogil(True/False), signed type names,
# cython.compiled and the branch hints.
import cython


@cython.returns(cython.long)
@cython.locals(a=cython.int, b=cython.int)
def add_returns(a, b):
    return a + b


@cython.cfunc
@cython.returns(cython.sint)
@cython.inline
def half(x: cython.slong):
    return x // 2


def use_half(x: cython.slonglong) -> cython.sshort:
    return half(x)


@cython.profile(False)
@cython.linetrace(False)
@cython.annotation_typing(True)
@cython.infer_types(True)
@cython.test_assert_path_exists("//ForInStatNode")
@cython.test_fail_if_path_exists("//SimpleCallNode", "//PrintStatNode")
def summed(n: cython.int) -> cython.long:
    total = 0
    for i in range(n):
        total += i
    return total


# exceptval: with a value and check=False it is Cython's `except -1`, so the
# error still reaches the caller.
@cython.cfunc
@cython.exceptval(-1, check=False)
def checked_div(a: cython.int, b: cython.int) -> cython.int:
    if b == 0:
        raise ZeroDivisionError("b is zero")
    return a // b


@cython.cfunc
@cython.exceptval(-1)
def minus_one_ok(a: cython.int) -> cython.int:
    if a < 0:
        raise ValueError("negative")
    return a - 1


@cython.cfunc
@cython.exceptval(check=True)
def star(a: cython.int) -> cython.int:
    if a == 3:
        raise KeyError(a)
    return a * 2


@cython.cfunc
@cython.exceptval(-1, check=True)
def maybe(a: cython.int) -> cython.int:
    if a > 100:
        raise OverflowError("too big")
    return -1


@cython.cfunc
@cython.exceptval(check=False)
def never(a: cython.int) -> cython.int:
    return a + 7


def call_exceptvals(a: cython.int, b: cython.int):
    return (checked_div(a, b), minus_one_ok(a), star(a), maybe(a), never(a))


@cython.cfunc
@cython.nogil(True)
def nogil_square(x: cython.double) -> cython.double:
    return x * x


@cython.cfunc
@cython.nogil(False)
def plain_cube(x: cython.double) -> cython.double:
    return x * x * x


def powers(x: cython.double):
    with cython.nogil:
        s = nogil_square(x)
    return s, plain_cube(x)


def compiled_branches():
    if cython.compiled:
        where = "compiled"
    else:
        where = "interpreted"
    if not cython.compiled:
        extra = 1
    elif cython.compiled and True:
        extra = 2
    else:
        extra = 3
    return where, extra


def hints(a: cython.int, b: cython.int):
    if cython.likely(a > b):
        r = "a"
    elif cython.unlikely(a == b):
        r = "="
    else:
        r = "b"
    return r, a if cython.unlikely(a < 0) else b


def signed_wrap(x: cython.schar, y: cython.sint) -> cython.slong:
    z: cython.sshort = x
    return z + y
