from diff_support import show


def run(mod):
    show("passes_anything", mod.passes_anything, "x", "y")
    show("no_wrap", mod.no_wrap, 100000)
    show("typed_again", mod.typed_again, [1], 2)
    show("typed_again(str n)", mod.typed_again, [1], "2", converts=(None, "int"))
