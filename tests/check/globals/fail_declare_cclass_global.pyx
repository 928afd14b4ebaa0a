# Module-level variables of an extension type (`cython.declare(p=T)`): stores
# are typed, uses need the GIL, and they are no Python names to delete or loop over.
import cython


@cython.cclass
class Parrot:
    volts: cython.int

    @cython.cfunc
    def describe(self) -> cython.int:
        return 1


cython.declare(p1=Parrot, n=cython.int)
cython.declare(p2=Undefined)  # expected-error PX102: `Undefined`
p1 = 3  # expected-error PX103: cannot convert


def broken():
    global p1
    p1 += 1  # expected-error PX301: an in-place operation on the module-level variable `p1`
    for p1 in [Parrot()]:  # expected-error PX301: as a loop variable
        pass
    del p1  # expected-error PX110: delete a C variable


def without_gil() -> cython.int:
    with cython.nogil:
        return p1.volts  # expected-error PX201: using the module-level extension type variable
