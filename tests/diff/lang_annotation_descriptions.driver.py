from diff_support import show


def run(mod):
    show("scaled(3)", mod.scaled, 3)
    show("scaled('ab', 2)", mod.scaled, "ab", 2)
    show("scaled([1], None)", mod.scaled, [1])
    show("Ship(5, 'x')", lambda: mod.Ship(5, "x").describe())
    show("Ship(['a'], 'y')", lambda: mod.Ship(["a"], "y").describe())
    show("globals_seen", mod.globals_seen)
