import gc

from diff_support import show


def run(mod):
    show("counter", lambda: list(mod.counter(10)(2)))
    show("counter again", lambda: (list(mod.counter(1)(1)), mod.counter(0).__qualname__))

    def shared():
        g, peek = mod.shared_state()
        out = [next(g), g.send(5), peek(), g.send(2), peek()]
        try:
            g.send(None)
        except StopIteration as e:
            out.append(("stop", e.value))
        return out
    show("shared_state", shared)
    show("c_cell", lambda: list(mod.c_cell(3)))
    show("outer_generator", lambda: list(mod.outer_generator(4)))

    def lam():
        f = mod.lambda_generator("ab")
        g = f()
        return type(g).__name__, g.__name__, list(g), list(f())
    show("lambda_generator", lam)
    show("tree_walk", lambda: mod.tree_walk([1, [2, [3]], 4]))

    def guarded():
        log = []
        g = mod.guarded(log)()
        out = [next(g)]
        g.close()
        out.append(list(log))
        g = mod.guarded(log)()
        next(g)
        del g
        gc.collect()
        out.append(list(log))
        return out
    show("guarded", guarded)

    def outlives():
        g = mod.outlives_function([1, 2])
        gc.collect()
        return list(g)
    show("outlives_function", outlives)
    show("names", lambda: (mod.counter(1)(1).__qualname__, mod.counter(1)(1).__name__))
