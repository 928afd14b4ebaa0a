from diff_support import show


def run(mod):
    for n, m in [(1, 1), (2, 3), (4, 2)]:
        show(f"grid_sum({n}, {m})", mod.grid_sum, n, m)
    for i in (0, 2, -1, -3, 3, -4):
        show(f"out_of_bounds({i})", mod.out_of_bounds, i)
    show("null_view()", mod.null_view)
    for n in (4, 1, 0, -2):
        show(f"empty_view({n})", mod.empty_view, n)
    # A view larger than the C array is refused (Cython would view memory past the array).
    for n in (2, 4, 5):
        show(f"over_array({n})", mod.over_array, n)
