from diff_support import show


def run(mod):
    for obj in ("abc", [1, 2], {}, (None,), range(4), b"xy"):
        show(f"sizes({obj!r})", mod.sizes, obj)
    show("sizes(5)", mod.sizes, 5)
    show("aggregate", mod.aggregate, [3, 1, 2])
    show("aggregate(floats)", mod.aggregate, (0.5, -1.5, 0.0))
    show("aggregate(empty)", mod.aggregate, [])
    for x in (7, -7, 2.75, -2.25, True):
        show(f"numeric({x!r})", mod.numeric, x)
    show("numeric('3')", mod.numeric, "3")
    for n, x in [(0, 0.5), (5, 2.5), (-3, -1.5), (25, 1e10)]:
        show(f"c_builtins{n, x}", mod.c_builtins, n, x)
    show("constructors", mod.constructors, "abca")
    show("constructors(list)", mod.constructors, [3, 1])
    for obj in (1, "s", b"b", [], len, None):
        show(f"kinds({obj!r})", mod.kinds, obj)
    show("from_text('ff')", mod.from_text, "ff")
    show("from_text('zz')", mod.from_text, "zz")
    show("from_text('')", mod.from_text, "")
