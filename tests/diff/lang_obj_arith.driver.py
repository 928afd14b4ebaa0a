from diff_support import show


def run(mod):
    for a, b in [(7, 2), (-7, 2), (2**70, 3), (7.5, -2), (1, 0), (3, 0.0)]:
        show(f"arith{a, b}", mod.arith, a, b)
    show("arith(str)", mod.arith, "a", 1)
    for n in (0, 64, 100):
        show(f"big({n})", mod.big, n)
    for a, b in [(12, 10), (-5, 3), (2**65, 2**64 + 1)]:
        show(f"bitwise{a, b}", mod.bitwise, a, b)
    show("concat(str)", mod.concat, "ab", "c")
    show("concat(list)", mod.concat, [1], [2, 3])
    show("concat(tuple)", mod.concat, (1,), ())
    show("concat(mixed)", mod.concat, [1], "x")
    show("inplace(int)", mod.inplace, 5, 3)
    show("inplace(list)", mod.inplace, [1], [2])
    show("inplace(str)", mod.inplace, "a", "b")
    for a, b in [(1, 2), (2, 2), ("b", "a"), ((1, 2), (1, 3)), (1.0, 1)]:
        show(f"compare{a, b}", mod.compare, a, b)
    show("compare(mismatch)", mod.compare, 1, "a")
    for args in [(1, 2, 3), (1, 3, 2), ("a", "b", "c"), (1, 2.5, 2**80)]:
        show(f"chained{args}", mod.chained, *args)
    show("membership(list)", mod.membership, 2, [1, 2, 3])
    show("membership(str)", mod.membership, "bc", "abcd")
    show("membership(dict)", mod.membership, "k", {"j": 1})
    show("membership(int)", mod.membership, 1, 5)
    marker = object()
    show("identity(same)", lambda: mod.identity(marker, marker))
    show("identity(None)", mod.identity, None, 0)
    for obj in (3, 2.5, 10**20):
        show(f"mixed({obj})", mod.mixed, obj, 4, 0.5)
