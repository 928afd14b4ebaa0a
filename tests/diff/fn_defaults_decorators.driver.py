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
