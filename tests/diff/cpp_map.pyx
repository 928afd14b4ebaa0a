# C++ maps (libcpp.map, libcpp.unordered_map) and pairs (libcpp.utility):
# declaration, `m[k]` (which inserts a zero value), the methods without
# iterators, `m.find(k) != m.end()`, iteration over pairs, nogil use, string and
# vector values, and the dict conversions at the Python boundary.
import cython
from cython.cimports.libcpp.map import map
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.unordered_map import unordered_map
from cython.cimports.libcpp.utility import pair
from cython.cimports.libcpp.vector import vector


@cython.cfunc
@cython.nogil
def histogram(values: vector[cython.int]) -> map[cython.int, cython.int]:
    counts = map[cython.int, cython.int]()
    x: cython.int
    for x in values:
        counts[x] += 1
    return counts


def count(items):
    v = cython.declare(vector[cython.int], items)
    with cython.nogil:
        h = histogram(v)
    return h, h.size()


def indexing(n: cython.int):
    m = map[cython.int, cython.double]()
    i: cython.int
    for i in range(n):
        m[i * 10] = i / 2
    before = m.size()
    missing = m[-5]  # inserted with 0.0, as C++'s operator[] does
    m[20] *= 4
    return m, before, missing, m.size()


def methods(k: cython.int):
    m = cython.declare(map[cython.int, cython.long], {1: 10, 2: 20, 3: 30})
    out = [m.count(k), m.find(k) != m.end(), m.find(k) == m.end(), m.size(), m.empty()]
    m.insert(pair[cython.int, cython.long](k, 99))
    m.insert(pair[cython.int, cython.long](k, 100))  # a key already there keeps its value
    out.append(m.at(k))
    out.append(m.erase(k))
    out.append(m.erase(k))
    out.append(m.size())
    m.clear()
    out.append(m.empty())
    return out


def at_missing(k: cython.int):
    m = cython.declare(map[cython.int, cython.int], {1: 2})
    return m.at(k)


def weighted(pairs):
    m = cython.declare(map[cython.int, cython.double], pairs)
    total: cython.double = 0.0
    keys = []
    for kv in m:
        total += kv.first * kv.second
        keys.append(kv.first)
    return total, keys


@cython.cfunc
@cython.nogil
def largest_value(m: map[cython.int, cython.int]) -> cython.int:
    best: cython.int = -1
    for kv in m:
        if kv.second > best:
            best = kv.second
    return best


def without_gil(n: cython.int):
    m = map[cython.int, cython.int]()
    i: cython.int
    with cython.nogil:
        for i in range(n):
            m[i % 3] += i
        best = largest_value(m)
    return best, m


def swapped():
    a = cython.declare(map[cython.int, cython.int], {1: 1})
    b = cython.declare(map[cython.int, cython.int], {2: 2, 3: 3})
    a.swap(b)
    c = a  # a copy
    c[4] = 4
    return a, b, c


def words(text: bytes):
    m = unordered_map[string, cython.int]()
    start: cython.Py_ssize_t = 0
    end: cython.Py_ssize_t
    while start < len(text):
        end = text.find(b" ", start)
        if end < 0:
            end = len(text)
        if end > start:
            m[text[start:end]] += 1
        start = end + 1
    seen = m.find(b"the") != m.end()
    d: dict = m
    return sorted(d.items()), seen, m.count(b"cat")


def groups(n: cython.int):
    m = map[string, vector[cython.int]]()
    i: cython.int
    for i in range(n):
        m[b"even" if i % 2 == 0 else b"odd"].push_back(i)
    sizes = []
    for kv in m:
        sizes.append((kv.first, kv.second.size()))
    return sizes, m


def pairs(a: cython.int, b: cython.double):
    p = pair[cython.int, cython.double](a, b)
    q: pair[cython.int, cython.double] = p
    q.first += 1
    q.second = q.second * 2
    z = pair[cython.long, cython.long]()
    return p, q, p.first, q.second, z


def nested():
    m = map[cython.int, map[cython.int, cython.int]]()
    m[1][2] = 3
    m[1][4] += 5
    m[2].clear()
    return m, m[1].size(), m.size()


def float_keys():
    m = map[cython.double, cython.int]()
    m[2.5] = 1
    m[-1.0] = 2
    m[0.0] = 3
    m[-0.0] += 10  # the same key as 0.0
    return m


def from_dict(d):
    m = cython.declare(map[cython.int, cython.int], d)
    return m


def unordered_from_dict(d):
    m = cython.declare(unordered_map[cython.int, cython.double], d)
    back: dict = m
    return sorted(back.items()), m.size()


def boundary(m: map[cython.int, string]) -> map[cython.int, string]:
    m[0] = string(b"zero")
    return m


def pair_boundary(p: pair[cython.int, cython.double]) -> pair[cython.double, cython.int]:
    return pair[cython.double, cython.int](p.second, p.first)


def updates():
    m = map[cython.int, cython.long]()
    m[3] = 4
    m[3] += m.erase(3)  # the value removes the key: stored again after it, as Python does
    m[4] += m.count(4)  # reading m[4] inserted it first
    z = map[cython.int, cython.doublecomplex]()
    z[1] += 2j
    z[1] *= 2
    o = map[cython.int, cython.double]()
    w: object = 2.5  # an object operand: the operation runs as Python code
    o[7] += w
    o[7] -= o.erase(7)
    return m, z, o


@cython.cclass
class Ledger:
    balances: map[cython.int, cython.double]

    @cython.cfunc
    def reset(self) -> cython.double:
        self.balances.clear()
        return 1.0

    def run(self):
        self.balances[1] = 5.0
        self.balances[1] += self.reset()  # the method clears the field: stored again after it
        self.balances[2] += 1
        total: cython.double = 0
        for kv in self.balances:  # over a copy of the field
            self.balances.erase(kv.first)
            total += kv.second
        return total, self.balances
