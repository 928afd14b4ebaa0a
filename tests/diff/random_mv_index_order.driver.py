import array

from diff_support import show


def run(mod):
    for i, d in ((0, 1), (5, 1), (5, 0), (-3, 0), (1, 0), (0, 0)):
        m = memoryview(array.array("d", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])).cast("B").cast("d", (2, 3))
        mod.LOG.clear()
        show(f"store_logged({i})", mod.store_logged, m, i, 9.0)
        show(f"store_raising({i}, {d})", mod.store_raising, m, i, d)
        show(f"read_logged({i})", mod.read_logged, m, i)
        show(f"read_both_raise({i}, {d})", mod.read_both_raise, m, i, d)
        show(f"read_nogil({i}, {d})", mod.read_nogil, m, i, d)
        print("  log:", mod.LOG, m.tolist())
