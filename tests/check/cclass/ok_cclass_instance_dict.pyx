# expected-no-diagnostics
# `__dict__: dict` (or declared with `cython.declare(dict)`): an instance
# dictionary; derived types (extension or Python) share it, and code of the
# module reads and writes undeclared attributes through it.
import cython


@cython.cclass
class Animal:
    legs: cython.int
    __dict__: dict

    def remember(self, note):
        self.note = note
        return self.__dict__


@cython.cclass
class Dog(Animal):
    pass


@cython.cclass
class Declared:
    __dict__ = cython.declare(dict)


def legs(a: Animal) -> cython.int:
    with cython.nogil:
        return a.legs
