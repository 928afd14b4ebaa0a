from diff_support import show


def run(mod):
    show("int_class(7)", mod.int_class, 7)
    show("int_class(-3)", mod.int_class, -3)
    show("long_dunders(41)", mod.long_dunders, 41)
    show("double_class(1.5)", mod.double_class, 1.5)
    show("double_class(-0.25)", mod.double_class, -0.25)
    show("bint_class(True)", mod.bint_class, True)
    show("bint_class(False)", mod.bint_class, False)
    show("uchar_class(200)", mod.uchar_class, 200)
    show("evaluated_once([2.5])", mod.evaluated_once, [2.5])
