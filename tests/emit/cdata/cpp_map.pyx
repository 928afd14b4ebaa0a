# C++ maps, sets and pairs: the std:: members where nothing can fail, the runtime's
# helpers where something can (`m[k]`, `insert`, `at`), `find(k) != end()` as
# one call, a range-for over a local map (its body cannot change it), a copy
# for a field, and the dict / tuple conversions at the boundary.
import cython
from cython.cimports.libcpp.map import map
from cython.cimports.libcpp.set import set as cpp_set
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.unordered_map import unordered_map
from cython.cimports.libcpp.utility import pair


@cython.cfunc
@cython.nogil
def tally(m: map[cython.int, cython.long], key: cython.int) -> cython.long:
    m[key] += 1
    m.insert(pair[cython.int, cython.long](key + 1, 0))
    total: cython.long = 0
    for kv in m:
        total += kv.first * kv.second
    if m.find(key) != m.end() and m.count(key + 2) == 0:
        total += m.at(key)
    m.erase(key)
    return total


def by_name(d: dict) -> unordered_map[string, cython.double]:
    m: unordered_map[string, cython.double] = d
    m[b"one"] = 1.0
    return m


@cython.cclass
class Counter:
    counts: map[cython.double, cython.int]

    def seen(self) -> pair[cython.int, cython.int]:
        n: cython.int = 0
        for kv in self.counts:
            n += kv.second
        return pair[cython.int, cython.int](self.counts.size(), n)


@cython.cfunc
@cython.nogil
def distinct(values: map[cython.int, cython.long]) -> cython.size_t:
    seen = cpp_set[cython.long]()
    for kv in values:
        seen.insert(kv.second)
    return seen.size() - seen.count(0)
