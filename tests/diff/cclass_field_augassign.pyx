# An in-place operation on a C field of an extension type with a Python
# operand (`self.total += x`, `x` untyped): computed on objects, as Python does,
# and converted back to the field's C type; a failing conversion leaves the
# field as it was. (It once emitted C++ that did not compile.)
import cython


@cython.cclass
class Account:
    total: cython.double
    count: cython.int
    small: cython.uchar
    flag: cython.bint

    def __init__(self):
        self.total = 1.5
        self.count = 2
        self.small = 250
        self.flag = False

    def add(self, x):
        self.total += x
        self.count *= x
        return self.total, self.count

    def grow_small(self, x):
        self.small += x
        return self.small

    def toggle(self, x):
        self.flag ^= x
        return self.flag

    def power(self, x):
        self.total **= x
        return self.total

    def state(self):
        return self.total, self.count, self.small, self.flag


def run(x, y):
    a = Account()
    return a.add(x), a.add(y), a.state()
