from diff_support import show


def run(mod):
    show("check_positive(2)", mod.check_positive, 2)
    show("check_positive(-1)", mod.check_positive, -1)
    show("  calls", mod.taken_calls)
    show("check_bare(1)", mod.check_bare, 1)
    show("check_bare([])", mod.check_bare, [])
    show("check_tuple_message(3)", mod.check_tuple_message, 3)
    show("half(8)", mod.half, 8)
    show("half(7)", mod.half, 7)
    show("read_globals before", mod.read_globals)
    show("make_globals(5)", mod.make_globals, 5)
    show("read_globals", mod.read_globals)
    show("bump", mod.bump)
    show("mod.counter", lambda: mod.counter)
    show("loop_global", mod.loop_global)
    show("mod.last", lambda: mod.last)
    show("delete_global", mod.delete_global)
    show("read_globals after del", mod.read_globals)
    show("delete_global again", mod.delete_global)
