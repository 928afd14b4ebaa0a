from diff_support import documented, show


def run(mod):
    objects = [mod.Base(), mod.Middle(), mod.Leaf(), mod.Py()]
    show("through base", lambda: [mod.through_base(o, 5) for o in objects])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("through middle", lambda: [mod.through_middle(o, 5) for o in objects[1:]])
    show("from Python", lambda: [o.describe(5) for o in objects[1:]])
    show("log", lambda: list(mod.log))
    # Compiled, the cfunc method of Base is no Python attribute (plain Python: an ordinary method).
    documented("base has describe", lambda: hasattr(mod.Base(), "describe"), (), "False")
    show("steps", lambda: (mod.steps(mod.Fast(), 1.5), mod.steps(mod.Faster(), 1.5), mod.Faster().step(2.0)))
