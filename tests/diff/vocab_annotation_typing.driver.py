from diff_support import show


def run(mod):
    show("untyped", mod.untyped, "x", "y")
    show("untyped(list)", mod.untyped, [1], 2.5, c=(3,))
    show("big_product", mod.big_product, 100000)
    show("outer", mod.outer, "not a list")
    show("with_block", mod.with_block, 4, "not a list")
    show("typed", mod.typed, [1, 2])
    show("typed(tuple)", mod.typed, (1, 2), c_model=lambda *a: (_ for _ in ()).throw(
        TypeError("Argument 'a' has incorrect type (expected list, got tuple)")))
    show("cube_off", mod.cube_off, 100000)
    show("cube_safe", mod.cube_safe, 100000)
    show("cube_full", mod.cube_full, 1000, wraps="i32")
    show("cube_full(wraps)", mod.cube_full, 100000, wraps="i32")
