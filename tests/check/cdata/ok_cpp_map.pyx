# C++ maps, sets and pairs: what pyxx compiles (run in diff/cpp_map and
# diff/cpp_set); loops whose body reads the map it iterates over, or changes
# another one or a copy (PX130).
# ok-for: PX130
# expected-no-diagnostics
import cython
from cython.cimports.libcpp.map import map
from cython.cimports.libcpp.set import set as cpp_set
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.unordered_map import unordered_map
from cython.cimports.libcpp.utility import pair
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def tally(values: vector[cython.long]) -> unordered_map[cython.long, cython.int]:
    counts = unordered_map[cython.long, cython.int]()
    x: cython.long
    for x in values:
        counts[x] += 1
    return counts


@cython.cfunc
@cython.nogil
def found(m: map[string, cython.double], key: string) -> cython.bint:
    return m.find(key) != m.end() and m.find(b"x") == m.end() and m.count(key) == 1


@cython.cclass
class Index:
    entries: map[cython.int, vector[cython.int]]

    def add(self, key: cython.int, value: cython.int):
        self.entries[key].push_back(value)

    def drop_all(self):
        for kv in self.entries:  # over a copy: the body may change the field
            self.entries.erase(kv.first)
        return self.entries.size()


def declarations(d: dict, p: tuple):
    a: map[cython.int, cython.double] = d
    b = cython.declare(unordered_map[cython.int, pair[cython.int, cython.int]], {})
    c = map[cython.double, string]()
    q: pair[cython.int, cython.double] = p
    b[1] = pair[cython.int, cython.int](2, 3)
    c[1.5] = b"x"
    a.insert(q)
    a.insert(pair[cython.int, cython.double](1, 2.0))
    q.first = 4
    return a, b, c, q, len(a), a.at(1), q.second


def loops(m: map[cython.int, cython.int]):
    total: cython.long = 0
    other = map[cython.int, cython.int]()
    for kv in m:
        for inner in m:  # reading the map in the body is allowed
            total += inner.second * m.count(kv.first) + m.at(kv.first)
        other[kv.first] = kv.second  # changing another map too
        if kv.second > 10:
            break
    for counted in tally(vector[cython.long]()):  # a temporary, held for the loop
        total += counted.second
    m.clear()  # after the loop
    return total, other


@cython.cfunc
@cython.nogil
def union_size(a: cpp_set[string], b: cpp_set[string]) -> cython.size_t:
    both = a
    for x in b:
        both.insert(x)  # another set than the one iterated over
    return both.size() if both.find(b"x") == both.end() else 0


def set_values(items: set) -> cpp_set[cython.double]:
    s: cpp_set[cython.double] = items
    s.erase(1.5)
    return s


@cython.cfunc
@cython.nogil
def weighted(m: map[cython.int, cython.double]) -> cython.double:
    k: cython.int
    v: cython.double
    total: cython.double = 0
    for k, v in m:  # each pair unpacked into the two variables, without the GIL
        total += k * v
    return total
