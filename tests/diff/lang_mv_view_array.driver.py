from diff_support import show


def described(view):
    return view.tolist(), view.shape, view.format, view.itemsize, view.nbytes


def run(mod):
    show("squares(5)", lambda n: described(mod.squares(n)), 5)
    show("squares(1)", lambda n: described(mod.squares(n)), 1)
    show("squares(0)", mod.squares, 0)
    show("table(2, 3)", lambda r, c: described(mod.table(r, c)), 2, 3)
    for shape in [(2, 2), (), (3, -1), [4]]:
        show(f"bad_shape({shape})", lambda s: described(mod.bad_shape(s)), shape)
