from diff_support import show


def run(mod):
    for o, a in [(1, 5), (0, 5), (1, 0), (0, 0)]:
        show(f"handler_then_finally{o, a}", mod.handler_then_finally, o, a)
    show("gcc12_crash_shape(1, 2)", mod.gcc12_crash_shape, 1, 2)
    for flag in (True, False):
        show(f"return_in_with({flag})", mod.return_in_with, flag)
        show(f"finally_replaces_return({flag})", mod.finally_replaces_return, flag)
        show(f"bare_return({flag})", mod.bare_return, flag)
    show("loop_with_returns([1, 2, 3])", mod.loop_with_returns, [1, 2, 3])
    show("loop_with_returns([1, -2, 3])", mod.loop_with_returns, [1, -2, 3])
    show("loop_with_returns(None)", mod.loop_with_returns, None)
    for n in (0, 1):
        show(f"list(generator_returns({n}))", lambda n=n: list(mod.generator_returns(n)))
    show("log", lambda: list(mod.log))
