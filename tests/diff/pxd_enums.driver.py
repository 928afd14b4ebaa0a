from diff_support import documented, show


def run(mod):
    show("serve(3)", mod.serve, 3)
    show("pick(0)", mod.pick, 0)
    show("pick(1)", mod.pick, 1)
    show("is_main(5)", mod.is_main, 5)
    show("is_main(6)", mod.is_main, 6)
    show("signs()", mod.signs)
    show("menu()", mod.menu)
    # An enum without negative values is an unsigned int in C: Cython converts
    # a negative Python int to it with an OverflowError (plain Python compares).
    documented("is_main(-1)", mod.is_main, (-1,), "OverflowError: can't convert negative int to C unsigned int")
    show("is_main('x')", mod.is_main, "x", converts=("int",))
    # cython.typeof names the enum; its anonymous constants are ints.
    documented("kinds()", mod.kinds, (), "('course', 'sign', 'int')")
