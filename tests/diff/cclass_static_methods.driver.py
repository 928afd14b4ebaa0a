import gc

from diff_support import compiled, documented, show


def run(mod):
    show("module-level factory", lambda: (type(mod.empty).__name__, mod.empty.size, mod.empty.owner))
    show("log after import", lambda: list(mod.log))
    del mod.log[:]
    b = mod.owned(5, 10)
    show("new without __init__", lambda: list(mod.log))
    show("owned", lambda: [b.get(i) for i in range(-2, 7)])
    b.put(2, 99)
    show("tail view", lambda: (b.tail_sum(2), b.tail_sum(0), b.tail_sum(9)))
    show("through subclass", lambda: mod.through_subclass(3))
    show("clamp without the GIL", lambda: mod.clamp_all(4, 2))
    show("chained", lambda: mod.chained(7))
    del mod.log[:]
    del b
    gc.collect()
    show("owner frees", lambda: list(mod.log))
    # Compiled, a static C method is no attribute of the type (as in Cython);
    # run as plain Python it is an ordinary static method.
    documented("not a Python attribute", lambda: hasattr(mod.IntBox, "wrap"), (), False)
    show("init still works", lambda: (mod.IntBox(3).get(1), mod.IntBox(3).size))
