# Errors raised in compiled code carry a traceback entry that points into the
# .pyx: the file, the function and the line of the failing construct, for an
# explicit raise, a zero division, a memoryview bound and a failing Python
# call, in GIL code, in cfuncs and in released code.
import cython
import traceback


def explicit(x: cython.int):
    if x < 0:
        raise ValueError("negative")
    return x


@cython.cfunc
@cython.nogil
def divide(a: cython.long, b: cython.long) -> cython.long:
    return a // b


def divide_released(a: cython.long, b: cython.long) -> cython.long:
    with cython.nogil:
        r = divide(a, b)
    return r


def bounds(a: cython.double[:], i: cython.Py_ssize_t) -> cython.double:
    return a[i]


def python_call(obj):
    value = int(obj)
    return value + 1


@cython.cfunc
def helper(d, key):
    return d[key]


def through_cfunc(d, key):
    return helper(d, key)


# The function's one source site follows the statements: a part of a statement
# on a later line, a loop header run again after its block, a nogil function,
# an error passing through `finally` or re-raised by `except`, module code.
def multiline(a, b):
    total = (a +
             b // 0)
    return total


def loop_header(items):
    n = 0
    for x in items:
        n += x
        n = n * 1
    return n


def while_header(a: cython.int, b: cython.int) -> cython.int:
    n: cython.int = 0
    while a // b > n:
        n += 1
        b -= 1
    return n


@cython.cfunc
@cython.nogil
def nogil_steps(a: cython.long, b: cython.long) -> cython.long:
    r: cython.long = a
    for i in range(3):
        r = r + 1
        r = r + a // (b - i)
    return r


def call_nogil_steps(a: cython.long, b: cython.long) -> cython.long:
    with cython.nogil:
        r = nogil_steps(a, b)
    return r


def through_finally(d, key):
    try:
        return helper(d, key)
    finally:
        d["after"] = 1


def reraise(d, key):
    try:
        helper(d, key)
    except KeyError:
        d["seen"] = True
        raise


def module_lines():
    return MODULE_LINES


try:
    _missing = (1 +
                {"a": 1}["b"])
except KeyError as _error:
    MODULE_LINES = [f.lineno for f in traceback.extract_tb(_error.__traceback__)]


# A function that calls itself (so it adds its entry when an error leaves it)
# and raises itself: its entry once per call, as Python shows it.
def countdown(n):
    if n == 0:
        raise KeyError("bottom")
    return countdown(n - 1)


def countdown_failing_argument(n):
    return countdown_failing_argument(n - 1) if n else countdown_failing_argument(n + "")


# Methods of the same name, one calling the other natively: each entry once.
@cython.cclass
class Leaf:
    @cython.ccall
    def area(self) -> cython.double:
        raise ValueError("leaf")


@cython.cclass
class Wrapper:
    inner: Leaf

    def __init__(self):
        self.inner = Leaf()

    @cython.ccall
    def area(self) -> cython.double:
        return self.inner.area() + 1.0
