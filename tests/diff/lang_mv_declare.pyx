# Memoryview locals declared with `cython.declare` (the spelling Cython's
# memoryview guide uses): with a value, without one (the None view), several
# at once with keywords, and used without the GIL.
import array

import cython


def total(obj):
    v = cython.declare(cython.int[:], obj)
    s: cython.long = 0
    with cython.nogil:
        for i in range(v.shape[0]):
            s += v[i]
    return s


def rows(obj):
    m = cython.declare(cython.double[:, ::1])
    unset = m is None
    m = obj
    cython.declare(flat=cython.double[:], count=cython.int)
    flat = array.array("d", [0.5, 0.25])
    count = m.shape[0]
    return unset, count, flat[1] + m[1, 0] + m[0, 1]


def run():
    grid = memoryview(array.array("d", [1.0, 2.0, 3.0, 4.0])).cast("B").cast("d", [2, 2])
    return total(array.array("i", [1, 2, 3])), rows(grid)
