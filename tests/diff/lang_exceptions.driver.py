from diff_support import show


def run(mod):
    show("classify(int, '12')", mod.classify, int, "12")
    show("classify(int, 'x')", mod.classify, int, "x")
    show("classify(int, [])", mod.classify, int, [])
    show("classify(recip, 0)", mod.classify, lambda v: 1 / v, 0)
    show("classify(KeyError)", mod.classify, {}.__getitem__, "k")
    show("get_trail", mod.get_trail)
    for x in (3, 0):
        show(f"reraise({x})", mod.reraise, x)
    show("get_trail", mod.get_trail)
    show("convert('7')", mod.convert, "7")
    show("convert('seven')", mod.convert, "seven")
    show("message(convert)", mod.message, mod.convert, "seven")
    for a, b in [(7, 2), (7, 0), (-7, 2)]:
        show(f"c_guard{a, b}", mod.c_guard, a, b)
    for x in (0, 1, 2):
        show(f"nested({x})", mod.nested, x)
    show("get_trail", mod.get_trail)
    for kind in (0, 1, 2):
        show(f"raise_class({kind})", mod.raise_class, kind)
        show(f"message(raise_class, {kind})", mod.message, mod.raise_class, kind)
