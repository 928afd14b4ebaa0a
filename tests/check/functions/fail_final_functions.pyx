# `@cython.final` is taken on module-level C functions only (where nothing can
# override them): on a `def` function or a method it is PX303.
import cython


@cython.final  # expected-error PX303: `cython.final` not supported yet
def plain(x):
    return x


@cython.cclass
class Shape:
    @cython.final  # expected-error PX303: `cython.final`
    @cython.ccall
    def area(self) -> cython.double:
        return 0.0


def outer():
    @cython.final  # expected-error PX303
    def inner():
        return 1
    return inner
