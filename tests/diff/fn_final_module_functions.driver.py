from diff_support import show


def run(mod):
    show("use([-9, 0, 4, 12])", mod.use, [-9, 0, 4, 12])
    show("scaled(0.25)", mod.scaled, 0.25)
    show("scaled(0.25, k=-2)", mod.scaled, 0.25, k=-2)
    show("describe('x', 3) is 0 or None", lambda: mod.describe("x", 3) in (0, None))
