# expected-no-diagnostics
# Extension types deriving from builtin types whose struct pyxx lays out: the
# builtin's methods on `self` are Python operations (GIL), the C fields are C.
import cython


@cython.cclass
class Stack(list):
    n: cython.int

    def push(self, x):
        self.append(x)
        self.n += 1
        return len(self)


@cython.cclass
class Counted(Stack):
    label: str


@cython.cclass
class Table(dict):
    hits: cython.long


@cython.cclass
class Bag(set):
    pass


@cython.cclass
class Frozen(frozenset):
    pass


@cython.cclass
class Buffer(bytearray):
    pass


@cython.cclass
class Failure(Exception):
    code: cython.int

    def __init__(self, message, code: cython.int):
        super().__init__(message)
        self.code = code


@cython.cclass
class Bad(ValueError):
    pass


@cython.cclass
class Missing(KeyError):
    pass


@cython.nogil
@cython.cfunc
def count(s: Stack) -> cython.int:
    s.n += 1
    return s.n
