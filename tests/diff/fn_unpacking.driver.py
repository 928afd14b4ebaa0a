from diff_support import show


def run(mod):
    show("calls", mod.calls, [1, 2], {"b": 7, "q": 8})
    for i in range(8):
        show(f"call_errors({i})", mod.call_errors, i)
    show("order", mod.order)
    show("displays", mod.displays, [1, 2], (3,), {"d": 4})
    show("displays(generators)", mod.displays, (x for x in [5]), iter([6, 7]), {"k": 9})
    for i in range(5):
        show(f"display_errors({i})", mod.display_errors, i)
    show("assign(range(5))", mod.assign, range(5))
    show("assign('ab')", mod.assign, "ab")
    show("assign([1])", mod.assign, [1])
    show("assign(7)", mod.assign, 7)
    show("nested", mod.nested, [(1, 2, 3), [4], "56"])
    show("assign_errors([1])", mod.assign_errors, [1])
    show("assign_errors([])", mod.assign_errors, [])
    show("assign_errors(iter([1, 2]))", mod.assign_errors, iter([1, 2]))
    show("assign_errors(None)", mod.assign_errors, None)
    show("typed_unpack([4, 5, 6])", mod.typed_unpack, [4, 5, 6])
