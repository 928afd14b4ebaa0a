# Conversions between Python objects and C values at assignments, calls and
# returns: object -> C local, C -> object in containers, objects passed to C
# parameters of cfuncs, C results stored into objects; TypeError and
# OverflowError where the value does not fit.
import cython


@cython.cfunc
def c_scale(v: cython.double, k: cython.int) -> cython.double:
    return v * k


@cython.cfunc
def c_small(v: cython.uchar) -> cython.int:
    return v + 1


def from_object(obj):
    n: cython.long = obj
    return n * 2


def to_double(obj):
    x: cython.double = obj
    return x / 4


def pass_objects(a, b):
    return c_scale(a, b)


def small(obj):
    return c_small(obj)


def into_containers(n: cython.int, x: cython.double, flag: cython.bint):
    lst = [n, x, flag]
    d = {"n": n}
    d["x"] = x * 2
    return (lst, d, (n + 1, not flag))


def roundtrip(items):
    total: cython.long = 0
    v: cython.long
    for i in range(len(items)):
        v = items[i]
        total += v
        items[i] = v * 10
    return (total, items)


def c_result_in_object(a: cython.int, b: cython.int):
    obj = a * b
    obj = obj + 0.5
    return obj
