# A C++ value that is no variable is held in a temporary for its method or
# index; a variable is used in place.
import cython
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def squares(n: cython.int) -> vector[cython.long]:
    return vector[cython.long](n, 4)


def values(a: string, n: cython.int):
    return (a + b"!").size(), squares(n)[0], squares(n).at(1), a.size()
