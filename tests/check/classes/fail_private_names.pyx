# Inside a class, `__name` is the private name `_Class__name` (Python's name
# mangling, in plain classes and extension types alike). A global written
# `__name` is not found from there: PX101, with a note naming the mangled name.
import cython

__limit = 10


class Plain:
    def over(self, n):
        return n > __limit  # expected-error PX101: name `_Plain__limit` is not defined  # expected-note: inside a class `__limit` is the private name `_Plain__limit`


@cython.cclass
class Typed:
    def over(self, n):
        return n > __limit  # expected-error PX101: name `_Typed__limit` is not defined  # expected-note: is the private name `_Typed__limit`
