from diff_support import show


def run(mod):
    c = mod.Counter(4)
    show("Counter(4).doubled", lambda: c.doubled)
    show("bump(3)", c.bump, 3)
    show("doubled after bump", lambda: c.doubled)
    show("type(Counter).__name__", lambda: type(mod.Counter).__name__)
    p = mod.Plain()
    show("Plain().describe(7)", p.describe, 7)
    show("Plain.label", lambda: mod.Plain.label)
    show("Plain.__name__", lambda: mod.Plain.__name__)
    show("total([1, 2, 3])", mod.total, [1, 2, 3])
