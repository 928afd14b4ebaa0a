import array

from diff_support import show


def run(mod):
    d = array.array("d", [0.25, 0.5, 1.0, -4.0])
    show("fast_sum", mod.fast_sum, memoryview(d))
    show("fast_sum(empty)", mod.fast_sum, memoryview(array.array("d")))
    longs = array.array("l", [3, -1, 4, 1, -5, 9])
    show("unchecked_last", mod.unchecked_last, longs)
    for i in (0, 5, 6):
        show(f"checked_at({i})", mod.checked_at, longs, i)
    work = array.array("l", longs)
    show("prefix_sums", mod.prefix_sums, memoryview(work))
    print("  prefix:", list(work))
    grid = memoryview(array.array("l", [1, 7, 3, -2, -8, -1, 5, 5, 6])).cast("B").cast("l", (3, 3))
    show("row_maxima", mod.row_maxima, grid)
