import threading

from diff_support import show


def run(mod):
    w = mod.Walker()
    show("fresh", w.state)
    show("walk(7)", w.walk, 7)
    show("state", w.state)
    show("cells", w.cells)
    show("move_to", w.move_to, {"x": 2.5, "y": -1.0})
    show("move_to(missing y)", w.move_to, {"x": 2.5})
    show("state after move", w.state)
    show("steps (readonly)", lambda: w.steps)
    show("origin (public)", lambda: w.origin)
    w.origin = {"x": 1.5, "y": 4.0}
    w.weights = [1.0, 0.5, 0.25]
    show("origin, weights set", lambda: (w.origin, w.weights))
    show("weighted", mod.weighted, w)
    show("weights from 2 values", setattr, w, "weights", [1.0, 2.0])
    show("origin from a list", setattr, w, "origin", [1.0, 2.0])
    show("unchanged", lambda: (w.origin, w.weights))
    walkers = [mod.Walker() for _ in range(4)]
    threads = [threading.Thread(target=x.walk, args=(1000 + k,)) for k, x in enumerate(walkers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    show("threads", lambda: [x.state()[:2] for x in walkers])
