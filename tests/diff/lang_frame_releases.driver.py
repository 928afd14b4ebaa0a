from diff_support import show


def run(mod):
    show("loop_jumps([1, 2, 3, 5, 7])", mod.loop_jumps, [1, 2, 3, 5, 7])
    show("while_jumps(6)", mod.while_jumps, 6)
    show("nested_loops", mod.nested_loops, [[1, 2], [3, -1, 4], []])
    for flag in (True, False):
        show(f"caught({flag})", mod.caught, flag)
        show(f"finally_counts({flag})", mod.finally_counts, flag)
    show("caught_in_loop([1, 2, 3])", mod.caught_in_loop, [1, 2, 3])
    show("with_exception()", mod.with_exception)
    show("return_through_with()", mod.return_through_with)
    show("list(generator(3))", lambda: list(mod.generator(3)))
    show("comprehension_in_loop", mod.comprehension_in_loop, [[1, 2, 3], [2], []])
    show("tests hit", mod.tests, {1: 2}, 1, None, [1])
    show("tests miss", mod.tests, {1: 2}, 3, 0, [3])
    show("unbound_after_loop([])", mod.unbound_after_loop, [])
    show("unbound_after_loop([4])", mod.unbound_after_loop, [4])
    show("typed_loop([1, 2, 3])", mod.typed_loop, [1, 2, 3])
    show("log", lambda: list(mod.log))
    show("alive at the end", lambda: len(mod.alive))
