# Errors raised in compiled code carry a traceback entry that points into the
# .pyx: the file, the function and the line of the failing construct, for an
# explicit raise, a zero division, a memoryview bound and a failing Python
# call, in GIL code, in cfuncs and in released code.
import cython


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
