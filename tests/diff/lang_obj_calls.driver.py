from diff_support import show


def run(mod):
    show("call_greet", mod.call_greet)
    show("greet(bad)", mod.greet, 1)
    show("sort_words", mod.sort_words, ["bb", "a", "dddd", "ccc"])
    show("apply(pow)", mod.apply, pow, 2, 10)
    show("apply(lambda)", mod.apply, lambda *xs: sum(xs), 1, 2)
    show("apply(noncallable)", mod.apply, 5, 1, 2)
    show("apply_keywords(int)", mod.apply_keywords, int, "101")
    show("apply_keywords(bad)", mod.apply_keywords, len, "101")
    show("method_calls", mod.method_calls, "  x,yy,zzz  ")
    show("method_calls(int)", mod.method_calls, 5)
    show("attributes", mod.attributes, 3 + 4j)
    show("attributes(float)", mod.attributes, 2.5)
    show("ordered", mod.ordered, [("x", 1), ("y", 2), ("z", 3)])
    for n in (0, 10, 12345, -99):
        show(f"nested_calls({n})", mod.nested_calls, n)
