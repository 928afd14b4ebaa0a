# libcpp.algorithm: the runtime's checked wrappers of the std templates, with a
# vector's begin()/end() as pointers into its elements.
import cython
from cython.cimports.libcpp.algorithm import nth_element, sort
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def middle(v: vector[cython.double]) -> cython.double:
    nth_element(v.begin(), v.begin() + v.size() // 2, v.end())
    return v[v.size() // 2]


def ordered(n: cython.int):
    a: cython.int[3] = [3, 1, 2]
    sort(a, a + n)
    return a
