# C++ maps, sets and pairs: what pyxx refuses, each with its reason.
import cython
from cython.cimports.libcpp.map import map
from cython.cimports.libcpp.set import set as cpp_set
from cython.cimports.libcpp.unordered_map import unordered_map
from cython.cimports.libcpp.unordered_set import unordered_set
from cython.cimports.libcpp.utility import pair
from cython.cimports.libcpp.vector import vector

Point = cython.struct(x=cython.int, y=cython.int)
shared = cython.declare(map[cython.int, cython.int])  # expected-error PX304: a module-level C variable of a C++ `map[cython.int, cython.int]` type
Holder = cython.struct(m=map[cython.int, cython.int])  # expected-error PX113: a struct field cannot be `map[cython.int, cython.int]`


@cython.cclass
class Box:
    m = cython.declare(map[cython.int, cython.int], visibility="readonly")  # expected-error PX304: a public or readonly field


def types():
    a: map[object, cython.int]  # expected-error PX113: the key type of `map` must be a C integer, a floating type or a C++ `string`, not a Python object
    b: unordered_map[cython.int, object]  # expected-error PX113: the value type of `unordered_map` must be a C value other than a C array, not a Python object
    c: map[Point, cython.int]  # expected-error PX113: not `Point`
    d: map[cython.int]  # expected-error PX113: `map` takes 2 type parameters
    e: map[vector[cython.int], cython.int]  # expected-error PX113: not `vector[cython.int]`
    f: pair[cython.int, cython.int[3]]  # expected-error PX113: the member type of `pair` must be a C value other than a C array
    g: cython.pointer(map[cython.int, cython.int])  # expected-error PX304: a pointer to `map[cython.int, cython.int]`
    h: pair[cython.int]  # expected-error PX113: `pair` takes 2 type parameters
    return 0


def methods(m: map[cython.int, cython.int]):
    it = m.find(1)  # expected-error PX302: the method `.find()` of a `map` (pyxx has no C++ iterators
    m.begin()  # expected-error PX302: the method `.begin()` of a `map`
    m.lower_bound(1)  # expected-error PX302: the method `.lower_bound()`
    m.reserve(3)  # expected-error PX302: the method `.reserve()` of `map[cython.int, cython.int]`
    m.insert(1, 2)  # expected-error PX104: `m.insert` takes 1 argument but 2 were given
    m.count()  # expected-error PX104: `m.count` takes 1 argument but 0 were given
    x = m[1:2]  # expected-error PX111: operator `[]` cannot be applied to `map[cython.int, cython.int]`
    if m:  # expected-error PX111: operator `truth test`
        pass
    if m.find(1) < m.end():  # expected-error PX302: the method `.find()` of a `map` # expected-error PX302: the method `.end()`
        pass
    return it, x


def iterators(m: map[cython.int, cython.int], n: map[cython.int, cython.int]):
    if m.find(1) != n.end():  # expected-error PX302: this use of C++ iterators (only `m.find(k) == m.end()` and `!=` of one map or set variable are compiled)
        pass


def pairs(p: pair[cython.int, cython.double]):
    p.third = 1  # expected-error PX113: `pair[cython.int, cython.double]` has no attribute `third`
    return len(p)  # expected-error PX111: operator `len()` cannot be applied to `pair[cython.int, cython.double]`


def loops(m: map[cython.int, cython.int]):
    for k, v, w in m:  # expected-error PX301: a `for` over a `map` with a target that is not a variable or two variables
        pass
    for k, v in m:
        m.erase(k)  # expected-error PX130: the body of a `for` over the C++ `map` `m` calls `.erase()`
    for kv in m:
        m[kv.first] = 1  # expected-error PX130: the body of a `for` over the C++ `map` `m` indexes it
        m.erase(kv.first)  # expected-error PX130: calls `.erase()`
        if kv.second:
            m = map[cython.int, cython.int]()  # expected-error PX130: assigns it
    other = map[cython.int, cython.int]()
    for kv in m:
        other.swap(m)  # expected-error PX130: swaps it
    return m


def conversions(m: map[cython.int, cython.int], p: pair[cython.int, cython.p_int]):
    a: list = m  # expected-error PX103: cannot convert `map[cython.int, cython.int]` to a Python `list`
    o: object = p  # expected-error PX103: cannot convert `pair[cython.int, cython.pointer(cython.int)]` to a Python object
    w: map[cython.long, cython.int] = m  # expected-error PX103: cannot convert `map[cython.int, cython.int]` to `map[cython.long, cython.int]`
    q: map[cython.int, cython.p_int] = {}  # expected-error PX103: cannot convert a Python `dict` to `map[cython.int, cython.pointer(cython.int)]`
    return a, o, w


def without_gil(m: map[cython.int, cython.int]):
    o: object = None
    with cython.nogil:
        o = m  # expected-error PX201
    return o


@cython.cfunc
def make() -> map[cython.int, cython.int]:
    return map[cython.int, cython.int]()


def temporaries():
    make().clear()  # expected-error PX302: `.clear()` of a `map` that is not a variable
    make()[1] = 2  # expected-error PX302: indexing a `map` that is not a variable (`make()`)
    make().at(1)  # expected-error PX302: `.at()` of a `map` that is not a variable
    pair[cython.int, cython.int](1)  # expected-error PX104: takes 0 or 2 arguments but 1 was given
    map[cython.int, cython.int](3)  # expected-error PX104: takes 0 arguments but 1 was given
    return make().size()


def closures(m: map[cython.int, cython.int]):  # expected-error PX304: the C++ `map[cython.int, cython.int]` `m` used by a nested function or lambda
    def inner():
        return m.size()
    return inner


def sets(s: cpp_set[cython.int]):
    a: unordered_set[cython.int, cython.int]  # expected-error PX113: `unordered_set` takes 1 type parameter
    b: cpp_set[cython.p_int]  # expected-error PX113: the element type of `set` must be a C integer, a floating type or a C++ `string`
    s.at(1)  # expected-error PX302: the method `.at()` of `set[cython.int]`
    x = s[1]  # expected-error PX111: operator `[]` cannot be applied to `set[cython.int]`
    d: dict = s  # expected-error PX103: cannot convert `set[cython.int]` to a Python `dict`
    for e in s:
        s.insert(e + 1)  # expected-error PX130: the body of a `for` over the C++ `set` `s` calls `.insert()`
    return x, d


def set_unpacking(s: cpp_set[cython.int]):
    for a, b in s:  # expected-error PX301: a `for` over a `set` with a target that is not a variable
        pass
