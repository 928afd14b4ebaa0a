from diff_support import show


def run(mod):
    class A:
        pass

    A.foo = mod.foo
    A.plus = mod.plus
    show("A().foo()", lambda: A().foo())
    show("A.plus(1)", lambda: A.plus(1))
    show("plus.__defaults__", lambda: mod.plus.__defaults__)
    show("called_directly(3)", mod.called_directly, 3)
    show("stays_builtin(5)", mod.stays_builtin, 5)
