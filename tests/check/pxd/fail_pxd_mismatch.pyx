# Definitions that do not match their declarations in fail_pxd_mismatch.pxd.
import cython


def defaults(x, y):  # expected-error PX124: `y` has a default (`=*`) in the .pxd but none here
    return x + y


def renamed(x, z):  # expected-error PX124: parameter 2 is `y` in the .pxd
    return x + z


def fewer(x):  # expected-error PX124: 2 parameters in the .pxd, 1 here
    return x


def retyped(a: cython.int):  # expected-error PX124: the type of parameter `a` of `retyped` differs
    return a


def returns_other(a) -> cython.double:  # expected-error PX124: the return type of `returns_other` differs
    return a


@cython.ccall
def kind(a):  # expected-error PX124: cannot make it another kind of function
    return a


@cython.ccall
def same_spelling(a: cython.double) -> cython.double:
    return a


class Base:
    def method(self, a):
        return a


class Derived:  # expected-error PX124: the bases of class `Derived` do not match
    pass
