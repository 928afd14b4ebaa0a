from diff_support import documented, show


def run(mod):
    for seed in (0, 5, -7):
        show(f"local_view({seed})", mod.local_view, seed)
        show(f"nogil_view({seed})", mod.nogil_view, seed)
    for k in (0, 1, -1, 2, -3):
        show(f"declared_view({k})", mod.declared_view, k)
    for n in (3, 0, -1, -4):
        show(f"flat_view({n})", mod.flat_view, n)
    show("fill_grid(4)", mod.fill_grid, 4)
    show("fill_grid(-2)", mod.fill_grid, -2)
    # Compiled, the view is a Python memoryview of the module's array; plain
    # Python hands back the array itself, so only its values are compared.
    documented("grid_view", lambda: mod.grid_view().tolist(), (), [[-2, 0, 0], [0, -1, 0]])
