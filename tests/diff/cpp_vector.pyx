# C++ vectors (libcpp.vector): construction, methods, indexing, iteration,
# len(), nogil use, and the list / iterable conversions at the Python boundary.
import cython
from cython.cimports.libcpp.vector import vector

Pair = cython.struct(a=cython.int, b=cython.double)


def first_primes(count: cython.uint):
    found = vector[cython.int]()
    found.reserve(count)
    candidate: cython.int = 2
    divisor: cython.int
    while found.size() < count:
        for divisor in found:
            if candidate % divisor == 0:
                break
        else:
            found.push_back(candidate)
        candidate += 1
    return found


def edit(n: cython.int):
    v = vector[cython.long](n)
    v[0] = 7
    v[n - 1] += 5
    v.push_back(-2)
    v.resize(n + 3, 4)
    v.pop_back()
    return v, len(v), v.size(), v.empty(), v.front(), v.back(), v.at(1)


def shrink(n: cython.int):
    v = vector[cython.double](n, 0.5)
    v.resize(1)
    w = vector[cython.double]()
    w.swap(v)
    v.clear()
    return list(w), v.empty(), w.size()


def checked_at(i: cython.int):
    v = cython.declare(vector[cython.int], [10, 20, 30])
    return v.at(i)


def empty_ends(which: cython.int):
    v = vector[cython.float]()
    if which == 0:
        return v.back()
    if which == 1:
        return v.front()
    v.pop_back()
    return None


@cython.cfunc
@cython.nogil
def squares(n: cython.int) -> vector[cython.long]:
    out = vector[cython.long]()
    i: cython.int
    for i in range(n):
        out.push_back(i * i)
    return out


def without_gil(n: cython.int):
    total: cython.long = 0
    with cython.nogil:
        values = squares(n)
        for x in values:
            total += x
        values.push_back(total)
    return total, values


def structs(n: cython.int):
    v = vector[Pair]()
    i: cython.int
    for i in range(n):
        v.push_back(Pair(a=i, b=i / 2))
    v[0].a = 9
    return v


def nested(n: cython.int):
    grid = vector[vector[cython.int]]()
    i: cython.int
    j: cython.int
    for i in range(n):
        grid.push_back(vector[cython.int](i, i))
    grid[n - 1][0] = -1
    return grid, grid[n - 1].size()


def pointers(n: cython.int):
    values = vector[cython.int](n, 3)
    p: cython.p_int = values.data()
    p[0] = 8
    ends = vector[cython.p_int]()
    ends.push_back(p)
    return values, ends[0][0]


def counts(n: cython.int):
    v = vector[cython.char]()
    v.resize(n)
    return v


def reserve_too_many(n: cython.long):
    v = vector[cython.int]()
    v.reserve(n)
    return v.size()


def passed(v: vector[cython.double]) -> vector[cython.double]:
    v.push_back(len(v))
    return v


def declared(items):
    v = cython.declare(vector[cython.int], items)
    return v


def as_object(n: cython.int):
    v = vector[cython.int](n, 1)
    o: object = v
    back: vector[cython.int] = o
    back.push_back(2)
    return o, back


def growing(n: cython.int):
    v = vector[cython.int]()
    i: cython.int
    for i in range(n):
        v.push_back(i)
        yield v.size()
    yield v


@cython.cclass
class Accumulator:
    total: cython.long

    @cython.ccall
    def add(self, values: vector[cython.long]) -> cython.long:
        for x in values:
            self.total += x
        return self.total


@cython.ccall
def copied(v: vector[cython.int]) -> vector[cython.int]:
    w = v
    w.push_back(len(v))
    return w


def defaulted(v: vector[cython.int] = [7]):
    return v
