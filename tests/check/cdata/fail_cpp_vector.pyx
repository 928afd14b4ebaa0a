# C++ vectors: what pyxx (and Cython) refuses, each with its reason.
import cython
from cython.cimports.libcpp.vector import vector
from cython.cimports.libcpp.deque import deque
from cython.cimports.libcpp.list import list as cpp_list

Holder = cython.struct(items=vector[cython.int])  # expected-error PX113: a struct field cannot be `vector[cython.int]`
shared = cython.declare(vector[cython.int])  # expected-error PX304: a module-level C variable of a C++ `vector` type


@cython.cclass
class Box:
    items = cython.declare(vector[cython.int], visibility="public")  # expected-error PX304: a public or readonly field of type `vector[cython.int]` in an extension type


def elements():
    a: vector[object]  # expected-error PX113: a `vector` element must be a C value other than `bint` or a C array, not a Python object
    b: vector[cython.bint]  # expected-error PX113: not `cython.bint`
    c: vector[cython.int[3]]  # expected-error PX113: not `cython.int[3]`
    d: cython.pointer(vector[cython.int])  # expected-error PX304: a pointer to `vector[cython.int]`
    e = cython.declare(vector[cython.int][4])  # expected-error PX304: a C array of `vector[cython.int]`
    return e


def methods(v: vector[cython.int]):
    v.insert(0, 1)  # expected-error PX302: the method `.insert()` of a `vector` (pyxx has C++ iterators only as the arguments of `libcpp.algorithm` functions and of `cython.operator.dereference`)
    v.append(1)  # expected-error PX302: the method `.append()` of `vector[cython.int]`
    v.push_back()  # expected-error PX104: `v.push_back` takes 1 argument but 0 were given
    v.resize(1, 2, 3)  # expected-error PX104: `v.resize` takes 1 to 2 arguments but 3 were given
    v.reserve(1.5)  # expected-error PX103: cannot convert `cython.double` to a C integer
    w = v[1:2]  # expected-error PX302: a `vector` takes one index, no slice
    if v:  # expected-error PX111: operator `truth test` cannot be applied to `vector[cython.int]`
        pass
    return w


def conversions(v: vector[cython.int]):
    s: str = v  # expected-error PX103: cannot convert `vector[cython.int]` to a Python `str`
    p: vector[cython.p_int] = [1]  # expected-error PX103: cannot convert a Python `list` to `vector[cython.pointer(cython.int)]`
    q: vector[cython.p_int]
    o: object = q  # expected-error PX103: cannot convert `vector[cython.pointer(cython.int)]` to a Python object
    w: vector[cython.long] = v  # expected-error PX103: cannot convert `vector[cython.int]` to `vector[cython.long]`
    return s, o, w


def loops(v: vector[cython.int]):
    for a, b in v:  # expected-error PX301: a `for` over a `vector` with a target that is not a variable
        pass


def captured():
    v: vector[cython.int]  # expected-error PX304: the vector `v` used by a nested function or lambda
    return lambda: v.size()


def without_gil(v: vector[cython.int]):
    o: object = None
    with cython.nogil:
        o = v  # expected-error PX201
    return o


def other_containers(b: bytes):
    s: cpp_list[cython.int]  # expected-error PX304: the C++ type `cpp_list[cython.int]` (of `libcpp.list.list`)
    m: deque[cython.int]  # expected-error PX304: the C++ type `deque[cython.int]` (of `libcpp.deque.deque`)
    return b
