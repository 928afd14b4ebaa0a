# An extension type derives from a builtin type whose instance struct pyxx lays
# out (list, dict, set, frozenset, bytearray, the exceptions whose instances are
# a PyBaseExceptionObject): the others, and a builtin with another base, are PX301.
import cython


@cython.cclass
class Record(tuple):  # expected-error PX301: deriving from the builtin type `tuple` (its instances have a variable size
    pass


@cython.cclass
class Blob(bytes):  # expected-error PX301: deriving from the builtin type `bytes` (its instances have a variable size
    pass


@cython.cclass
class Count(int):  # expected-error PX301: deriving from the builtin type `int` (its instances have a variable size
    pass


@cython.cclass
class Failure(OSError):  # expected-error PX301: deriving from the builtin type `OSError` (its instance struct differs
    pass


@cython.cclass
class Stop(StopIteration):  # expected-error PX301: deriving from the builtin type `StopIteration`
    pass


@cython.cclass
class Base:
    pass


@cython.cclass
class Both(list, Base):  # expected-error PX301: deriving from the builtin type `list` (a builtin base must be the only base
    pass


@cython.cclass
class Stack(list):
    n: cython.int
    items: object


@cython.nogil
@cython.cfunc
def use(s: Stack) -> cython.int:
    s.n += 1  # a C field: fine without the GIL
    s.append(1)  # expected-error PX202: call to `s.append`, which needs the GIL
    return s.n
