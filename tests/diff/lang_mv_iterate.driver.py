# diff-needs: numpy
import array

import numpy as np

from diff_support import show


def ints(*values):
    return memoryview(array.array("i", values))


def short_overflow(*args):
    raise OverflowError("Python int too large to convert to C short")


def run(mod):
    show("items", mod.items, ints(1, -2, 3))
    show("items(empty)", mod.items, ints())
    show("total", mod.total, memoryview(array.array("d", [1.0, 2.5, -4.0])))
    show("as_c", mod.as_c, ints(1, 2, 30000))
    show("as_c(overflow)", mod.as_c, ints(1, 40000), c_model=short_overflow)
    show("first_negative", mod.first_negative, memoryview(array.array("l", [3, 4, -5, -6])))
    show("first_negative(none)", mod.first_negative, memoryview(array.array("l", [3, 4])))
    grid = np.arange(12, dtype=np.intc).reshape(3, 4)
    show("rows", mod.rows, grid)
    show("rows(transposed)", mod.rows, grid.T)
    show("rows(strided)", mod.rows, grid[::-2, 1::2])
    show("pairs", mod.pairs, np.array([[5.0, 1.5], [2.0, 8.0]]))
    show("pairs(wrong width)", mod.pairs, np.ones((2, 3)))
    show("flat", mod.flat, grid)
    show("comprehensions", mod.comprehensions, ints(4, 5, 6, 7, 8))
    show("writes_seen", mod.writes_seen, ints(1, 1, 1, 1))
    show("rebinding", mod.rebinding, ints(7, 8, 9))
    show("maybe(None)", mod.maybe)
    show("maybe", mod.maybe, memoryview(array.array("d", [0.5, 1.5])))
    show("column_items", mod.column_items, np.arange(6, dtype=np.float64).reshape(3, 2), 1)
