import inspect

from diff_support import show


def run(mod):
    show("appended(1)", mod.appended, 1)
    show("appended(2)", mod.appended, 2)
    show("appended(3, [])", mod.appended, 3, [])
    show("appended(4)", mod.appended, 4)
    show("computed(1)", mod.computed, 1)
    show("computed(1, 2, 3, d='dd')", mod.computed, 1, 2, 3, d="dd")
    show("computed.__doc__", lambda: mod.computed.__doc__)
    show("square(4)", mod.square, 4)
    show("pair(5)", mod.pair, 5)
    show("fib(20)", mod.fib, 20)
    show("uses_decorated()", mod.uses_decorated)
    show("trace", lambda: list(mod.trace))
    show("calls", lambda: list(mod.calls))
    show("registered", lambda: list(mod.registered))
    show("plain()", mod.plain)
    show("plain.__doc__", lambda: mod.plain.__doc__)
    show("no_doc.__doc__", lambda: mod.no_doc.__doc__)
    show("no_doc(1)", mod.no_doc, 1)
    show("signature(no_doc)", lambda: str(inspect.signature(mod.no_doc)).replace("e=[]", "e=<list>").replace("e=Ellipsis", "e=<list>"))
    show("signature(computed) params", lambda: list(inspect.signature(mod.computed).parameters))
    show("signature(plain) params", lambda: list(inspect.signature(mod.plain).parameters))
    show("square.__name__", lambda: mod.square.__name__)
    show("with_mark.mark", lambda: mod.with_mark.mark)
    show("with_mark()", mod.with_mark)
    show("nested", lambda: mod.make_nested(5)(1, c=3))
    show("nested b", lambda: mod.make_nested(7)(1, 2, c=3, d=4))
    show("nested missing c", lambda: mod.make_nested(7)(1))
    # Defaults that are no literals read back as Ellipsis from a text signature: names and kinds only.
    params = lambda f: [(p.name, str(p.kind), p.default is p.empty) for p in inspect.signature(f).parameters.values()]
    show("signature(nested)", lambda: params(mod.make_nested(1)))
    show("signature(with_mark)", lambda: params(mod.with_mark))
    show("signature(lambda)", lambda: str(inspect.signature(mod.make_lambda())))
    show("uses_stored(3)", mod.uses_stored, 3)
    show("rebound", lambda: (setattr(mod, "appended", lambda i: [i * 100]), mod.uses_stored(2))[1])
