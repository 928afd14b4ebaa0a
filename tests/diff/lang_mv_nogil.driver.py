import array

from diff_support import show


def run(mod):
    x = array.array("d", [3.0, 4.0, -12.0])
    show("norm2", mod.norm2, memoryview(x))
    show("norm2(empty)", mod.norm2, memoryview(array.array("d")))
    y = array.array("d", [1.0, 1.0, 1.0])
    show("axpy_py", mod.axpy_py, 2.0, memoryview(x), y)
    print("  y:", list(y))
    grid = memoryview(array.array("i", [1, -2, 3, -4, -5, 6])).cast("B").cast("i", (2, 3))
    show("count_negative", mod.count_negative, grid)
    ints = array.array("i", [10, 20, 30])
    for i in (0, 2, -1, -3, 3, -4):
        show(f"nogil_at({i})", mod.nogil_at, ints, i)
    for i, v in [(1, 99), (-1, -7), (3, 5), (-4, 5)]:
        show(f"nogil_store{i, v}", mod.nogil_store, ints, i, v)
        print("  ints:", list(ints))
