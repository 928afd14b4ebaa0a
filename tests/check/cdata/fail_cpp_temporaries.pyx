# C++ values that are no variable: no pointer into them (it would dangle once
# the statement ends), and no method of a value pyxx does not hold itself.
import cython
from cython.cimports.libcpp.algorithm import sort
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


@cython.cfunc
def numbers() -> vector[cython.int]:
    return vector[cython.int](3, 1)


@cython.cfunc
def names() -> vector[string]:
    return vector[string](2, string(b"ab"))


def pointers(a: string):
    p = (a + a).c_str()  # expected-error PX302: `.c_str()` of a string that is not a variable (the pointer would outlive it: store the string in a variable first)
    q = numbers().data()  # expected-error PX302: `.data()` of a vector that is not a variable (the pointer would outlive it: store the vector in a variable first)
    sort(numbers().begin(), numbers().end())  # expected-error PX302: `.begin()` of a vector that is not a variable (the pointer would outlive it: store the vector in a variable first)
    return p[0], q[0]


def nested():
    c = names()[0][0]  # expected-error PX302: indexing a C++ `string` that is not a variable (`names()[0]`)
    return names()[0].size()  # expected-error PX302: `.size` of a C++ `string` that is not a variable
