import cython


@cython.cclass
class Fields:
    a: cython.int = 3  # expected-error PX113: cannot have a value in the class body
    b = cython.declare(cython.double, 1.0)  # expected-error PX113: assign it in `__init__`
    cython.declare(c=cython.int, visibility='secret')  # expected-error PX113: `visibility` is one of
    d: cython.longdouble  # expected-error PX304: a field of type
    v = cython.declare(cython.double[:])  # expected-error PX304: a memoryview field declared with `cython.declare`
    e: cython.int
    e: cython.long  # expected-error PX105: `e` is already defined

    def __new__(cls):  # expected-error PX301: `__new__` in an extension type
        pass

    def __richcmp__(self, other, op):  # expected-error PX301: `__richcmp__` in an extension type
        return NotImplemented


@cython.cclass
class Derived(int):  # expected-error PX301: deriving from the builtin type `int`
    pass


def spam(cls):
    return cls


@spam  # expected-error PX303: decorator `spam`
@cython.cclass
class Decorated:
    pass


@cython.freelist(0)  # expected-error PX303: decorator `cython.freelist(0)`
@cython.cclass
class NoFreelist:
    pass


@cython.cclass
class Counter:
    count: cython.int
    name: object

    def __init__(self):
        self.count = 0
        self.name = "c"

    def forget(self):
        del self.count  # expected-error PX110: delete field `count`


def not_an_instance() -> cython.int:
    c: Counter = 5  # expected-error PX103: cannot convert
    return 0


@cython.cclass
class WithNogilDef:
    @cython.nogil  # expected-error PX107: needs `@cython.cfunc` or `@cython.ccall`
    def helper(self) -> cython.int:
        return 1

