from diff_support import show


def run(mod):
    show("shapes", mod.shapes)
    show("points", mod.points)
    show("meta", mod.meta)
    show("instance from outside", lambda: mod.Square("x", 2).area())
    show("mro", lambda: [c.__name__ for c in mod.Square.__mro__])
