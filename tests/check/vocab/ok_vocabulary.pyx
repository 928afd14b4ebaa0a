# expected-no-diagnostics
# Cython's pure-mode vocabulary in nogil code: what it allows there.
import cython


@cython.cfunc
@cython.nogil(True)
@cython.inline
@cython.exceptval(-1, check=False)
@cython.returns(cython.sint)
def scaled(x: cython.sint, k: cython.slonglong):
    if cython.unlikely(k == 0):
        return -1
    return x * k


@cython.cfunc
@cython.nogil
@cython.exceptval(check=False)
def noexcept_twice(x: cython.sshort) -> cython.slong:
    return x * 2


def caller(x: cython.int) -> cython.long:
    total: cython.long = 0
    with cython.nogil:
        # cython.compiled is a C constant: nogil code may test it.
        if cython.compiled:
            total = scaled(x, 3) + noexcept_twice(2)
        if cython.likely(total > 0) and cython.compiled:
            total += 1
    return total


@cython.cfunc
@cython.nogil
def dead_branch_unchecked(n: cython.int) -> cython.int:
    if not cython.compiled:
        # Dropped at compile time, as Cython does: the GIL rules never see it.
        print("interpreted", n)
        return len([n])
    return n
