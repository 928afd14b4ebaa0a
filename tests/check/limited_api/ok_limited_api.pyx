# pyxx-check-options: --limited-api 3.9
# ok-for: PX306
# expected-no-diagnostics
# What the limited API compiles: functions on C scalars, C arrays, structs and
# Python objects, `with nogil`, exceptions, `with` statements, vars(obj) and dir(obj).
import cython
from cython.cimports.libc.math import sqrt

Point = cython.struct(x=cython.double, y=cython.double)


@cython.cfunc
@cython.nogil
@cython.exceptval(-1.0)
def norm(p: Point) -> cython.double:
    if p.x < 0:
        with cython.gil:
            raise ValueError("negative x")
    return sqrt(p.x * p.x + p.y * p.y)


@cython.ccall
def fib(n: cython.int) -> cython.double:
    a: cython.double = 0
    b: cython.double = 1
    for i in range(n):
        a, b = b, a + b
    return a


def lengths(xs: list, ys: list) -> list:
    out = []
    p: Point
    for i in range(len(xs)):
        p.x = xs[i]
        p.y = ys[i]
        with cython.nogil:
            d = norm(p)
        out.append(d)
    return out


def first_three(values) -> cython.int:
    arr: cython.int[3]
    for i in range(3):
        arr[i] = values[i]
    return arr[0] + arr[1] + arr[2]


def guarded(path, *args, key=None, **kwargs):
    try:
        with open(path) as f:
            return f.read(), args, key, kwargs
    except OSError as e:
        raise RuntimeError("cannot read") from e
    finally:
        pass


def attributes(obj):
    return vars(obj), dir(obj)
