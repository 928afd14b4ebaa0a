from diff_support import show


def run(mod):
    for n, x in [(1, 2.5), (-4, 0.0), (1000, -1e300)]:
        show(f"scalars({n}, {x})", mod.scalars, n, x)
    for n in (0, 3, -7):
        show(f"through_pointers({n})", mod.through_pointers, n)
