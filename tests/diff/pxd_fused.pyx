# `ctypedef fused` in the augmenting .pxd: annotations of the module name
# the fused types, and its functions and methods are specialised for their
# members.
import cython

if not cython.compiled:
    number = cython.fused_type(cython.int, cython.double)
    real = cython.fused_type(cython.float, cython.double)


def twice(x: number) -> number:
    return x * 2


def kind(x: number):
    return cython.typeof(x)


@cython.cfunc
def halve(v: real) -> real:
    return v / 2


class Scale:
    def __init__(self, factor):
        self.factor = factor

    def apply(self, v: real):
        return halve(v) * self.factor
