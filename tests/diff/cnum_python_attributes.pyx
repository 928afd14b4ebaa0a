# An attribute of a C number other than its C ones (.real, .imag, ...) is read
# on the Python number the value converts to, as Cython does: `i.__class__`,
# `d.__repr__()`. Calling it calls the Python method.
import cython


def int_class(i: cython.int):
    return i.__class__.__name__, i.__class__(), i.__class__(i + 1)


def long_dunders(n: cython.long):
    return n.__str__(), n.__add__(1), n.__eq__(n), n.__hash__() == hash(n), n.__index__()


def double_class(d: cython.double):
    return d.__class__.__name__, d.__repr__(), d.__class__(d * 2), d.__float__()


def bint_class(b: cython.bint):
    return b.__class__.__name__, b.__repr__(), b.__class__(0)


def uchar_class(c: cython.uchar):
    return c.__class__.__name__, c.__str__()


def evaluated_once(values: list):
    # The base is evaluated once, before the attribute is read.
    i: cython.Py_ssize_t = 0

    def bump():
        nonlocal i
        i += 1
        return i

    return (bump() * 10).__class__.__name__, i, values[0].__class__.__name__
