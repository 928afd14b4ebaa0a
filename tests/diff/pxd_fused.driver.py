from diff_support import documented, show


def run(mod):
    show("twice(21)", mod.twice, 21)
    show("twice(1.25)", mod.twice, 1.25)
    show("kind(3)", mod.kind, 3)
    # cython.typeof names the C type of the specialisation chosen.
    documented("kind(0.5)", mod.kind, (0.5,), "'double'")
    s = mod.Scale(2.0)
    show("apply(1.5)", s.apply, 1.5)
    # A fused method takes only its members' values, as in Cython.
    documented("apply('x')", s.apply, ("x",), "TypeError: No matching signature found")
