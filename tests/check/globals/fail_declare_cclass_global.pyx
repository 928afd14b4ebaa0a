# `cython.declare(p=T)` of an extension type at module level: Cython's hidden
# typed object variable is not made by pyxx yet (PX304, not "unknown type").
import cython


@cython.cclass
class Parrot:
    @cython.cfunc
    def describe(self) -> cython.int:
        return 1


cython.declare(p1=Parrot, n=cython.int)  # expected-error PX304: `cython.declare` of the extension type `Parrot`
cython.declare(p2=Undefined)  # expected-error PX102: `Undefined`
