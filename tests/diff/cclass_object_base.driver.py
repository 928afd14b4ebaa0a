from diff_support import documented, show


def run(mod):
    a = mod.Point(3.0, 4.0)
    b = mod.Labelled(4.0, 3.0, "b")
    c = mod.Plain(1.0, 1.0)
    show("bases()", mod.bases)
    show("a", repr, a)
    show("b", repr, b)
    show("a.norm2()", a.norm2)
    show("a == b", lambda: a == b)
    show("a != b", lambda: a != b)
    show("c < a", lambda: c < a)
    show("a.y", lambda: a.y)
    show("isinstance(c, Point)", isinstance, c, mod.Point)
    show("sums(b)", mod.sums, b)
    show("sums(c)", mod.sums, c)
    # A parameter typed with the extension type is tested at the call, as Cython does.
    documented("sums(1)", mod.sums, (1,),
               "TypeError: Argument 'p' has incorrect type (expected cclass_object_base.Point, got int)")
