from diff_support import documented, show


def run(mod):
    g = mod.Gauge(3)
    show("reading", lambda: g.reading(4))
    show("reading through the class", lambda: mod.Gauge.reading(g, 1))
    # pyxx's choice (docs/design-choices.md): `self` is typed as the class and
    # tested, so another object is a TypeError where plain Python fails later
    # (Cython 0.29 crashes there; Cython 3.1 runs the body with `self` untyped).
    documented("reading of another object", lambda: mod.Gauge.reading(5, 1), (),
               "TypeError: Argument 'self' has incorrect type (expected cclass_decorated_methods.Gauge, got int)")
    show("first", lambda: g.first(7, 8))
    show("first through the class", lambda: mod.Gauge.first(g, 7))
    show("made", lambda: (mod.Gauge.made(1, 2), g.made(3)))
    show("counted", lambda: (mod.Gauge.counted(1, 2), g.counted()))
    show("broken", lambda: mod.Gauge.broken())
