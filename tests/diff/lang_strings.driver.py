from diff_support import show


def run(mod):
    show("fmt", mod.fmt, "abc", 255, 0.125)
    show("fmt(neg)", mod.fmt, "", -3, -1e10)
    show("conversions(str)", mod.conversions, "é'x")
    show("conversions(list)", mod.conversions, [1, "a"])
    show("nested_spec", mod.nested_spec, 3.14159, 10, 2)
    show("nested_spec(0)", mod.nested_spec, -2.5, 0, 0)
    show("old_style", mod.old_style, "box", 3)
    show("methods", mod.methods, "ab cd ab")
    show("c_to_str", mod.c_to_str, 2**64 - 1, 0.375, True)
    show("c_to_str(zero)", mod.c_to_str, 0, -2.5, False)
    show("encode", mod.encode, "héllo")
    show("encode(empty)", mod.encode, "")
    for n in (0, 1, 5):
        show(f"build({n})", mod.build, n)
