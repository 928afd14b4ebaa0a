from diff_support import show


def run(mod):
    show("at_least_3_2", lambda: mod.at_least_3_2)
    show("parts()", mod.parts)
    show("packed()", mod.packed)
