# Cython's pure-mode decorators on the methods of a plain class: they act as on
# any `def` (typed locals and parameters, a C return type, directives).
import cython


class Stats:
    def __init__(self, data):
        self.data = data

    @cython.locals(total=cython.long, i=cython.int, n=cython.int)
    def sum_to(self, n):
        total = 0
        for i in range(n):
            total += i
        return total

    @cython.returns(cython.double)
    def half(self, x):
        return x / 2

    @cython.locals(x=cython.int)
    @cython.returns(cython.int)
    def twice(self, x):
        return x * 2

    @cython.locals(__scaled=cython.double)
    def mangled(self, __scaled):
        return __scaled * 1.5

    @cython.boundscheck(False)
    @cython.wraparound(False)
    @cython.cdivision(True)
    def mean(self):
        total: cython.double = 0
        n: cython.Py_ssize_t = len(self.data)
        for i in range(n):
            total += self.data[i]
        return total / n

    @cython.exceptval(check=True)
    def checked(self, x):
        return x + 1

    @cython.nogil(False)
    @cython.inline
    @cython.infer_types(True)
    def plain(self):
        y = 2
        return y * 3

    @staticmethod
    @cython.locals(a=cython.int, b=cython.int)
    def add(a, b):
        return a + b

    @classmethod
    @cython.returns(cython.double)
    def ratio(cls, a, b):
        return a / b

    @property
    @cython.locals(k=cython.int)
    def size(self):
        k = len(self.data)
        return k * 10
