from diff_support import show


def run(mod):
    show("constants", mod.constants)
    show("bump(1)", mod.bump, 1)
    show("bump(5)", mod.bump, 5)
    show("counter", lambda: mod.counter)
    show("LIMIT", lambda: mod.LIMIT)
    show("imported", mod.imported, "a/b/c.txt")
    show("scaled(4)", mod.scaled, 4)
    show("as_value", mod.as_value)
    show("shadow(3)", mod.shadow, 3)
    mod.LIMIT = 100  # a rebound global is seen by the functions
    show("scaled(4) after rebind", mod.scaled, 4)
    show("constants after rebind", mod.constants)
