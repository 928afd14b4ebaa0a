# Class-private names: inside a class (plain or extension type) `__name` is
# `_Class__name` for attributes, parameters, locals and globals, as CPython
# mangles them; `__dunder__` names and strings are left alone.
import cython

_Counter__base = 100


class Counter:
    __step = 2

    def __init__(self, __start=0):
        self.__value = __start

    def bump(self):
        __old = self.__value
        self.__value += self.__step
        return __old, self.__value, __base

    def publish(self):
        global __published
        __published = self.__value
        return __published

    def nested(self):
        def inner(__k):
            return __k * self.__step
        return inner(5), (lambda __z: __z + 1)(1)

    def handler(self):
        try:
            raise ValueError("x")
        except ValueError as __error:
            return type(__error).__name__

    def strings(self):
        return getattr(self, "_Counter__value"), hasattr(self, "__value")


class _Hidden:
    __secret = "s"

    class __Inner:
        __deep = "d"

    def peek(self):
        return self.__secret, self.__Inner._Inner__deep


class ___:
    __kept = "k"


@cython.cclass
class Box:
    __size: cython.int

    def __init__(self, n: cython.int):
        self.__size = n

    @cython.cfunc
    def __doubled(self) -> cython.int:
        return self.__size * 2

    def doubled(self):
        __local = self.__doubled()
        return __local


def published():
    return _Counter__published


def nested_global():
    # `global` in any function creates the module global, a nested one's too.
    def inner():
        global made_by_inner
        made_by_inner = "inner"
    inner()
    return made_by_inner
