# cython.declare(T, value) converts the value as compiled code converts any
# object to a C type (None and str are TypeErrors, not parsed); sizes of bint
# values; a cclass field declared by an annotation is not a class attribute;
# a C float result comes back to Python as a float.
import cython


def declared_int(value):
    n = cython.declare(cython.int, value)
    return n


def declared_double(value):
    x = cython.declare(cython.double, value)
    return x


def declared_flag(value):
    flag = cython.declare(cython.bint, value)
    return flag


def bint_sizes():
    flag = cython.declare(cython.bint)
    return cython.sizeof(flag) == cython.sizeof(cython.bint), cython.sizeof(cython.bint) <= cython.sizeof(cython.int)


@cython.cclass
class Holder:
    count: cython.int
    label: str

    def __init__(self, count: cython.int):
        self.count = count

    def describe(self):
        return self.count, self.label


@cython.cfunc
def cube(x: cython.float) -> cython.float:
    return x * x * x


def cubed(size):
    return cube(size)
