import cython


@cython.cclass
class Reader:
    @cython.cfunc
    def read(self, n: cython.int) -> cython.int:
        return n

    @cython.ccall
    def peek(self, n: cython.int) -> cython.int:
        return n

    @cython.cfunc
    def skip(self, n: cython.int = 1) -> cython.int:
        return n


@cython.cclass
class Buffered(Reader):
    @cython.cfunc
    def read(self, n: cython.int, block: cython.int = 64) -> cython.int:
        return n * block

    @cython.ccall
    def peek(self, n: cython.int, ahead: cython.int = 1) -> cython.int:  # expected-error PX113: overrides `Reader.peek` with another signature
        return n + ahead

    @cython.cfunc
    def skip(self, n: cython.int = 2) -> cython.int:  # expected-error PX113: parameter `n` of the C method override `skip` has another default value
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
    def read(self, n: cython.int, block: cython.int = 32, wide: cython.bint = True, far: cython.int = 0) -> cython.int:  # expected-error PX113: parameter `block` of the C method override `read` has another default value
        return n

    @cython.ccall
    def peek(self, n: cython.int, ahead: cython.int = 1) -> cython.int:  # expected-error PX113: overrides `Wide.peek` with another signature
        return n + ahead


@cython.cclass
class Strict(Reader):
    @cython.cfunc
    def read(self, n: cython.int, block: cython.int) -> cython.int:  # expected-error PX113: overrides `Reader.read` with another signature
        return n


@cython.cclass
class Resized(Buffered):
    @cython.cfunc
    def read(self, n: cython.int, block: cython.int = 32) -> cython.int:  # expected-error PX113: parameter `block` of the C method override `read` has another default value
        return n
