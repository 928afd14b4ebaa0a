# pyxx-check-options: --limited-api 3.9
# With --limited-api, each construct the limited API cannot compile is
# reported once, where it is written (PX306); what is inside a refused class
# is not reported again.
import cython


@cython.cclass
class Stack(list):  # expected-error PX306: an extension type deriving from a builtin type
    depth: cython.int


@cython.cclass
class Counter:  # expected-error PX306
    count: cython.int

    def add(self, n: cython.int):
        self.count += n


class Plain:  # expected-error PX306
    def method(self):
        return lambda: 1


def scale(v: cython.double[:], k: cython.double):  # expected-error PX306
    for i in range(v.shape[0]):
        v[i] *= k


def rotate(z: cython.doublecomplex) -> cython.doublecomplex:  # expected-error PX306
    w = z * 1j
    return w * w


def outer(n: cython.int):
    def inner():  # expected-error PX306
        return n
    return inner


def square_all(xs):
    return list(map(lambda x: x * x, xs))  # expected-error PX306


def count_up(n: cython.int):  # expected-error PX306
    for i in range(n):
        yield i


def total(xs):
    return sum(x for x in xs)  # expected-error PX306


def namespace():
    return globals()  # expected-error PX306


MODULE_NAMES = dir()  # expected-error PX306
