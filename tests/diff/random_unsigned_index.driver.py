import array

from diff_support import show


def run(mod):
    v = array.array("i", [10, 20, 30])
    m = memoryview(array.array("d", [1.0, 2.0, 3.0, 4.0])).cast("B").cast("d", (2, 2))
    for i in (0, 2, 3, 2**63 - 1, 2**63, 2**64 - 2, 2**64 - 1):
        show(f"read_size_t({i})", mod.read_size_t, memoryview(v), i)
        show(f"read_ulonglong_2d({i}, 1)", mod.read_ulonglong_2d, m, i, 1)
        show(f"read_ulonglong_2d(1, {i})", mod.read_ulonglong_2d, m, 1, i)
        w = array.array("i", [1, 2, 3])
        show(f"write_ulong({i})", mod.write_ulong, memoryview(w), i, 7)
        print("  ", w.tolist())
    for k in (-1, -3, 0, 2, 3):
        show(f"cast_index({k})", mod.cast_index, memoryview(v), k)
    for i in (0, 2, 3, 4294967295):
        show(f"uint_index({i})", mod.uint_index, memoryview(v), i)
