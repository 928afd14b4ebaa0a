# libcpp.algorithm: what pyxx refuses (iterators outside its calls, mixed or
# untyped ranges, unordered elements, the functions it does not compile).
import cython
from cython.cimports.libcpp.algorithm import copy, fill, sort, reverse
from cython.cimports.libcpp.vector import vector

Point = cython.struct(x=cython.int)


def ranges(v: vector[cython.int], w: vector[cython.double], o: object):
    p: cython.p_void = cython.NULL
    it = v.begin()  # expected-error PX302: the method `.begin()` of a `vector` (pyxx has C++ iterators only as the arguments of `libcpp.algorithm` functions and of `cython.operator.dereference`)
    sort(v.begin(), w.end())  # expected-error PX103: cannot convert `cython.pointer(cython.double)` to `cython.pointer(cython.int)`
    sort(p, p)  # expected-error PX103: cannot convert `cython.pointer(cython.void)` to an iterator
    sort(o, o)  # expected-error PX103: cannot convert a Python object to an iterator
    sort(v.begin())  # expected-error PX104: `sort` takes 2 arguments but 1 was given
    copy(v.begin(), v.end(), w.begin())  # expected-error PX302: `libcpp.algorithm.copy`
    fill(v.begin(), v.end(), w)  # expected-error PX103: cannot convert `vector[cython.double]` to `cython.int`
    return it


def unordered(points: vector[Point]):
    sort(points.begin(), points.end())  # expected-error PX111: operator `<` cannot be applied to `Point`
    reverse(points.begin(), points.end())
