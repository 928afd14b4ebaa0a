# `cython.object` is Cython's name for a Python object: parameters, locals,
# returns and cython.declare with it hold any object, as untyped names do.
import cython


@cython.cfunc
def first(items: cython.object) -> cython.object:
    return items[0]


def describe(value: cython.object):
    kept: cython.object = value
    other = cython.declare(cython.object, [kept, kept])
    return first(other), type(kept).__name__


def rebind(value: cython.object):
    value = str(value) + "!"
    return value


def declared_complex(re: cython.double, im: cython.double):
    z = cython.declare(cython.doublecomplex, complex(re, im))
    w = cython.cast(cython.floatcomplex, z)
    return z * 2, w.real
