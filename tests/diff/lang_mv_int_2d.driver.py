import array

from diff_support import show


def matrix(code, rows, cols, values):
    storage = array.array(code, values)
    return storage, memoryview(storage).cast("B").cast(code, (rows, cols))


def run(mod):
    _, m = matrix("i", 3, 4, range(-5, 7))
    out_store, _ = matrix("l", 1, 3, [0, 0, 0])
    show("row_sums", mod.row_sums, m, memoryview(out_store))
    print("  sums:", list(out_store))
    show("trace", mod.trace, m)
    for which in range(4):
        show(f"corner({which})", mod.corner, m, which)
    for i, j in [(0, 0), (2, 3), (-1, -1), (-3, -4), (1, -2), (3, 0), (0, 4), (-4, 0), (0, -5)]:
        show(f"at{i, j}", mod.at, m, i, j)
    t_store, t = matrix("i", 4, 3, [0] * 12)
    show("transpose_into", mod.transpose_into, m, t)
    print("  transposed:", list(t_store))
    show("rows", mod.rows, m)
    show("rows(transposed)", mod.rows, t)
    f_store, f = matrix("i", 2, 5, [0] * 10)
    show("fill", mod.fill, f, 100)
    print("  filled:", list(f_store))
    _, single = matrix("i", 1, 1, [42])
    show("trace(1x1)", mod.trace, single)
    show("corner(1x1)", mod.corner, single, 3)
