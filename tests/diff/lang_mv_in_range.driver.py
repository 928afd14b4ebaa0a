import array

from diff_support import show


def grid(rows, cols):
    return memoryview(array.array("d", [float(r * 10 + c) for r in range(rows) for c in range(cols)])).cast(
        "B").cast("d", (rows, cols))


def vector(n):
    return memoryview(array.array("d", [float(k + 1) for k in range(n)]))


def run(mod):
    show("proved(3x5)", mod.proved, grid(3, 5))
    show("proved(1x1)", mod.proved, grid(1, 1))
    show("other_view", mod.other_view, vector(4), vector(4))
    show("other_view(b short)", mod.other_view, vector(4), vector(3))
    show("swapped(3x3)", mod.swapped, grid(3, 3))
    show("swapped(2x3)", mod.swapped, grid(2, 3))
    show("swapped(3x2)", mod.swapped, grid(3, 2))
    show("counter_rebound", mod.counter_rebound, vector(3))
    show("negative_start", mod.negative_start, vector(3))
    show("stop_not_a_shape(3)", mod.stop_not_a_shape, vector(3), 3)
    show("stop_not_a_shape(4)", mod.stop_not_a_shape, vector(3), 4)
    show("bound_twice", mod.bound_twice, vector(3))
    show("view_rebound", mod.view_rebound, vector(1), vector(3))
    for n in (1, 4):
        show(f"row_sums({n})", mod.row_sums, grid(n, 3), memoryview(array.array("d", [0.0] * n)))
    show("row_sums(out short)", mod.row_sums, grid(3, 3), memoryview(array.array("d", [0.0] * 2)))
    out = array.array("d", [0.0] * 5)
    show("stencil", mod.stencil, vector(5), memoryview(out))
    print("  out:", list(out))
    show("stencil(out short)", mod.stencil, vector(5), vector(2))
    show("stencil(2)", mod.stencil, vector(2), vector(2))
    show("left_beyond", mod.left_beyond, vector(4))
    show("right_beyond", mod.right_beyond, vector(4))
    show("narrow_counter", mod.narrow_counter, vector(5))
