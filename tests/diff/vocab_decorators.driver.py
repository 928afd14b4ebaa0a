from diff_support import compiled, show


def run(mod):
    show("add_returns", mod.add_returns, 2, 40)
    show("add_returns(str)", mod.add_returns, "a", 1, converts=("int", "int"))
    show("use_half(9)", mod.use_half, 9)
    show("use_half(-9)", mod.use_half, -9)
    show("summed(10)", mod.summed, 10)
    show("call_exceptvals(10, 3)", mod.call_exceptvals, 10, 3)
    show("call_exceptvals(1, 0)", mod.call_exceptvals, 1, 0)
    show("call_exceptvals(-2, 1)", mod.call_exceptvals, -2, 1)
    show("call_exceptvals(3, 1)", mod.call_exceptvals, 3, 1)
    show("call_exceptvals(200, 1)", mod.call_exceptvals, 200, 1)
    show("powers(1.5)", mod.powers, 1.5)
    # cython.compiled is True compiled and False in plain Python, as in Cython:
    # each run prints which branch it took.
    expected = ("compiled", 2) if compiled() else ("interpreted", 1)
    show("compiled_branches is as expected", lambda: mod.compiled_branches() == expected)
    for a, b in ((3, 1), (2, 2), (-1, 5)):
        show(f"hints({a}, {b})", mod.hints, a, b)
    show("signed_wrap", mod.signed_wrap, -5, 100000)
