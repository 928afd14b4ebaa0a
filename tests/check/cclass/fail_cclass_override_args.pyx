# Overrides that add parameters or change default values, where pyxx cannot
# follow: a ccall override adding parameters to a ccall method, a parameter
# added without a default, a default changed in a chain that starts at a ccall
# method, a default dropped or added, and a default of a lent parameter (an
# extension type) in a chain whose defaults the method that runs fills in.
import cython


@cython.cclass
class Reader:
    @cython.cfunc
    def read(self, n: cython.int) -> cython.int:
        return n

    @cython.ccall
    def peek(self, n: cython.int) -> cython.int:
        return n

    @cython.ccall
    def skip(self, n: cython.int = 1) -> cython.int:
        return n

    @cython.cfunc
    def seek(self, n: cython.int = 1) -> cython.int:
        return n

    @cython.cfunc
    def attach(self, other: "Reader" = None, n: cython.int = 0) -> cython.int:  # expected-error PX113: a default value of the extension type parameter `other`
        return n


@cython.cclass
class Buffered(Reader):
    @cython.cfunc
    def read(self, n: cython.int, block: cython.int = 64) -> cython.int:
        return n * block

    @cython.ccall
    def peek(self, n: cython.int, ahead: cython.int = 1) -> cython.int:  # expected-error PX113: overrides `Reader.peek` with another signature
        return n + ahead

    @cython.ccall
    def skip(self, n: cython.int = 2) -> cython.int:  # expected-error PX113: parameter `n` of the C method override `skip` has another default value
        return n

    @cython.cfunc
    def seek(self, n: cython.int) -> cython.int:  # expected-error PX113: parameter `n` of the C method override `seek` has another default value
        return n

    @cython.cfunc
    def attach(self, other: "Reader" = None, n: cython.int = 1) -> cython.int:
        return n


@cython.cclass
class Strict(Reader):
    @cython.cfunc
    def read(self, n: cython.int, block: cython.int) -> cython.int:  # expected-error PX113: overrides `Reader.read` with another signature
        return n


@cython.cclass
class Wide(Buffered):
    @cython.cfunc
    def read(self, n: cython.int, block: cython.int = 64, wide: cython.bint = True) -> cython.int:
        return n

    @cython.ccall
    def peek(self, n: cython.int) -> cython.int:
        return n


@cython.cclass
class Wider(Wide):
    @cython.ccall
    def peek(self, n: cython.int, ahead: cython.int = 1) -> cython.int:  # expected-error PX113: overrides `Wide.peek` with another signature
        return n + ahead
