# `Base.m(self, ...)` of a C method: only with the `self` of a method of Base
# (or of a type derived from it) as first argument, which is never None.
import cython


@cython.cclass
class Parrot:
    @cython.cfunc
    def describe(self) -> cython.int:
        return 1


@cython.cclass
class Other:
    def call(self, p: Parrot) -> cython.int:
        return Parrot.describe(self)  # expected-error PX302: `Parrot.describe(...)` of the C method


@cython.cclass
class Norwegian(Parrot):
    @cython.cfunc
    def describe(self) -> cython.int:
        return 2

    def through(self, p: Parrot) -> cython.int:
        return Parrot.describe(p)  # expected-error PX302: other than with the `self` of a method


def outside(p: Parrot) -> cython.int:
    return Parrot.describe(p)  # expected-error PX302: `Parrot.describe(...)` of the C method


@cython.cclass
class Quiet(Parrot):
    @cython.cfunc
    @cython.nogil
    def silent(self) -> cython.int:
        return Parrot.describe(self)  # expected-error PX202


def as_value():
    return Parrot.describe  # expected-error PX302: the `@cython.cfunc` method `describe` of `Parrot` used as a value
