# An in-place operation on a C field of an extension type with a Python operand
# once wrote the field as an object slot (C++ that did not compile).
import cython


@cython.cclass
class Account:
    total: cython.double
    count: cython.int

    def add(self, x):
        self.total += x
        self.count <<= x
