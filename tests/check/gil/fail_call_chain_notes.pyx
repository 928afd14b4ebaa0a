# Why a callee needs the GIL: the notes under PX202 follow the chain of calls
# down to the first use of a Python object, whether the callee is defined
# before or after its caller; a function calling itself is not a reason (it
# could do so without the GIL once declared nogil), and a callee whose body
# needs nothing gets a fix-it that declares it nogil.
import cython


def run(n: cython.int) -> cython.int:
    with cython.nogil:  # expected-note: the GIL is released here
        r = first(n)  # expected-error PX202: `first`
    return r


@cython.cfunc
def first(n: cython.int) -> cython.int:  # expected-note: `first` is declared here
    return second(n) + 1  # expected-note: `first` needs the GIL because of this call


@cython.cfunc
def second(n: cython.int) -> cython.int:  # expected-note: `second` is declared here
    if n > 0:
        return second(n - 1)
    print(n)  # expected-note: `second` needs the GIL because of this call
    return 0


@cython.cfunc
def fine(n: cython.int) -> cython.int:  # expected-note: `fine` is declared here
    return n * 2


def run_fine(n: cython.int) -> cython.int:
    with cython.nogil:  # expected-note: the GIL is released here
        r = fine(n)  # expected-error PX202: `fine`
    return r
