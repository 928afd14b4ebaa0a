# C++ vectors: what pyxx accepts (see docs/language/cpp-containers.md).
# expected-no-diagnostics
import cython
from cython.cimports.libcpp.vector import vector

Point = cython.struct(x=cython.double, y=cython.double)


@cython.cfunc
@cython.nogil
def build(n: cython.int) -> vector[Point]:
    out: vector[Point]
    i: cython.int
    for i in range(n):
        out.push_back(Point(x=i, y=-i))
    return out


def use(n: cython.int, items: vector[cython.int]) -> list:
    points = build(n)
    grid = cython.declare(vector[vector[cython.float]])
    grid.push_back(vector[cython.float](3, 1.5))
    grid[0][1] = 2.0
    ptrs = vector[cython.p_int]()
    ptrs.push_back(items.data())
    count: cython.size_t = items.size() + items.capacity() + grid[0].size()
    with cython.nogil:
        for p in points:
            count += cython.cast(cython.size_t, p.x)
        items.swap(items)
        items.clear()
        items.shrink_to_fit()
        if items.empty():
            items.push_back(len(points))
    return [items, count, grid]
