from diff_support import show


def run(mod):
    show("has_numpy", mod.has_numpy)
    show("describe", mod.describe)
    show("AT_IMPORT", lambda: mod.AT_IMPORT)
    show("main_only", mod.main_only)
    show("read before init", mod.read)
    show("bump before init", mod.bump, "x")
    show("init", mod.init)
    show("bump a", mod.bump, "a")
    show("bump b", mod.bump, "b")
    show("read", mod.read)
    show("module attribute", lambda: (mod.counter, mod.names))
    mod.counter = 10
    show("read after outside write", mod.read)
    show("forget", mod.forget)
    show("read after forget", mod.read)
    show("forget twice", mod.forget)
    show("loop_global(3)", mod.loop_global, 3)
    show("last_seen", lambda: mod.last_seen)
