from diff_support import documented, show


def run(mod):
    show("twice(21)", mod.twice, 21)
    show("twice(1.25)", mod.twice, 1.25)
    # The Python entry point dispatches on the argument's type, as in Cython.
    documented("twice('x')", mod.twice, ("x",), "TypeError: No matching signature found")
    show("mean(1.0, 2.0)", mod.mean, 1.0, 2.0)
    show("halves(3, 5.0)", mod.halves, 3, 5.0)
    show("clamps(12, 0.25)", mod.clamps, 12, 0.25)
    show("clamps(-3, 9.0)", mod.clamps, -3, 9.0)
    show("named(4)", mod.named, 4)
    # cython.typeof names the C type of each specialisation's result.
    documented("kinds()", mod.kinds, (), "('int', 'double')")
    # `cdef` functions are not attributes of the compiled module.
    documented("has halve", hasattr, (mod, "halve"), "False")
    m = mod.Meter()
    show("feed(1.5)", m.feed, 1.5)
    show("feed(2.0)", m.feed, 2.0)
