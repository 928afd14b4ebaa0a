# An extension type with a `__dict__: dict` field: its instances take
# attributes the type does not declare, as a Python class's do (Cython's
# instance dictionary); the C fields stay C fields, outside the dictionary.
import cython


@cython.cclass
class Animal:
    number_of_legs: cython.int
    __dict__: dict

    def __cinit__(self, number_of_legs: cython.int):
        self.number_of_legs = number_of_legs

    def extras(self):
        # Run as plain Python, the fields are in the dictionary too: leave them out.
        return sorted((k, v) for k, v in self.__dict__.items() if k not in ("number_of_legs", "loud"))

    def tag(self, value):
        self.tag_value = value


@cython.cclass
class Dog(Animal):
    loud = cython.declare(cython.bint, visibility="public")

    def bark(self) -> str:
        return "WOOF" if self.loud else "woof"


class Puppy(Dog):
    pass


def legs(a: Animal) -> cython.int:
    return a.number_of_legs
