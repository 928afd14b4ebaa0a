from diff_support import show


def run(mod):
    for value in [1, "text", None, [1, 2], 2.5]:
        show(f"describe({value!r})", mod.describe, value)
    show("rebind(3)", mod.rebind, 3)
    show("declared_complex(1.5, -2)", mod.declared_complex, 1.5, -2.0)
