# expected-no-diagnostics
# ok-for: PX205
import cython


@cython.cfunc
@cython.nogil
def takes_view(x: cython.double[:], n: cython.int) -> cython.void:
    x[n] = 0.0


@cython.cfunc
def takes_object(x: object) -> object:
    return x


def entry(x: cython.double[:], o) -> object:
    with cython.nogil:
        takes_view(x, 0)
    return takes_object(o)
