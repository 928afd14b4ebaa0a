import array

from diff_support import show


def run(mod):
    d = array.array("d", [0.5, 1.5, -4.0])
    show("total", mod.total, d)
    show("total(empty)", mod.total, array.array("d"))
    ints = array.array("q", [0] * 5)
    show("fill_squares", mod.fill_squares, memoryview(ints), 3)
    print("  filled:", list(ints))
    m = memoryview(array.array("d", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])).cast("B").cast("d", (2, 3))
    show("trace", mod.trace, m)
    show("last_minus_first", mod.last_minus_first, ints)
    show("dot", mod.dot, memoryview(d), memoryview(array.array("d", [2.0, 2.0, 2.0])))
    show("dot(short b)", mod.dot, memoryview(d), memoryview(array.array("d", [1.0])))
