# A Cython decorator used without `cython.` and without importing it is a name
# nothing binds (Cython rejects it too: a C function takes no Python decorator).
import cython


@exceptval(-2, check=True)  # expected-error PX101: name `exceptval` is not defined
@cython.cfunc
def f(x: cython.double) -> cython.double:  # expected-note@-2: Cython's decorator is `cython.exceptval`
    return x ** 2 - x


@cython.exceptval(-2, check=True)
@cython.cfunc
def g(x: cython.double) -> cython.double:
    return x ** 2 - x


def use():
    return f(2.0) + g(3.0)
