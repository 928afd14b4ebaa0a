from diff_support import show


def run(mod):
    show("hypot_sq(3, 4)", mod.hypot_sq, 3.0, 4.0)
    show("hypot_sq(int arg)", mod.hypot_sq, 3, 4.0)
    show("hypot_sq(keywords)", mod.hypot_sq, y=2.0, x=1.0)
    for v in (-10, 3, 99):
        show(f"clamp_long({v})", mod.clamp_long, v, 0, 10)
    show("clamp_long(keywords)", mod.clamp_long, 50, hi=20, lo=0)
    show("describe", mod.describe, "x", 21)
    show("describe(list tag)", mod.describe, [1, 2], -1)
    for n in (0, 1, 10, 500):
        show(f"tri({n})", mod.tri, n)
    for n in (0, 3, 10):
        show(f"use_natively({n})", mod.use_natively, n)
    show("nogil_twice(21)", mod.nogil_twice, 21)
    show("twice_without_gil(-4)", mod.twice_without_gil, -4)
    show("hypot_sq(missing)", mod.hypot_sq, 1.0)
    show("hypot_sq(str)", mod.hypot_sq, "a", 1.0, converts=("float", "float"))
    show("tri(extra)", mod.tri, 1, 2)
