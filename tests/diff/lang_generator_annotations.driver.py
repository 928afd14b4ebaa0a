from diff_support import show


def run(mod):
    show("typed_items", lambda: list(mod.typed_items(3)))
    show("named_float", lambda: list(mod.named_float(2)))
    show("c_annotated", lambda: list(mod.c_annotated(5)))
    show("c_annotated is a generator", lambda: type(mod.c_annotated(1)).__name__ in ("generator",))
    show("chained", lambda: list(mod.chained(4)))
    show("typed parameter", lambda: list(mod.typed_items("x")), converts=None)
