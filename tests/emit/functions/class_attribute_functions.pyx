# A module-level `def` the module stores in a class is a function object made
# where its `def` stands (it binds as a method); the other stays in the method table.
import cython


def plus_one(a):
    return a + 1


def untouched(a):
    return a


class Plain:
    plus = plus_one


@cython.collection_type("sequence")
@cython.no_gc_clear
@cython.cclass
class Items:
    other: object

    def __len__(self):
        return 0
