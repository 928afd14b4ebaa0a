# An extension type deriving from a builtin type (Cython lays it out after
# the builtin's instance struct and inherits its slots) is not compiled yet.
import cython


@cython.cclass
class Stack(list):  # expected-error PX301: deriving from the builtin type `list`
    pass


@cython.cclass
class Table(dict):  # expected-error PX301: deriving from the builtin type `dict`
    pass


@cython.cclass
class Failure(Exception):  # expected-error PX301: deriving from the builtin type `Exception`
    pass
