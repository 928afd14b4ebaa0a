from diff_support import show


def unhashable(obj):
    try:
        hash(obj)
    except TypeError:
        return "TypeError"
    return "hashable"


def run(mod):
    P = mod.Point
    p = P(3.0, 4.0)
    show("repr", lambda: repr(p))
    show("ClassVar", lambda: (mod.Point.dimensions, p.dimensions))
    show("norm2", p.norm2)
    show("public y", lambda: p.y)
    show("readonly moves", lambda: p.moves)
    show("public tag", lambda: p.tag)
    show("move", lambda: p.move(1.5, 2.0).summary())
    show("after move", lambda: (p.getx(), p.y, len(p)))
    show("set public", lambda: setattr(p, "y", 10.5))
    show("y now", lambda: p.y)
    show("set tag", lambda: setattr(p, "tag", [1, 2]))
    show("tag now", lambda: p.summary())
    show("property", lambda: p.xy)
    show("property set", lambda: setattr(p, "xy", (7.0, 8.0)))
    show("property now", lambda: p.xy)
    show("static", lambda: repr(P.origin()))
    show("classmethod", lambda: repr(P.named("n")))
    show("eq", lambda: (p == P(0.0, 8.0), p == P(0.0, 9.0), p == 3))
    show("lt", lambda: sorted([P(0.0, 3.0), P(0.0, 1.0), P(0.0, 2.0)]))
    show("unhashable", lambda: unhashable(p))
    show("dist2", lambda: mod.dist2(P(0.0, 0.0), P(3.0, 4.0)))
    show("maybe_x", lambda: (mod.maybe_x(), mod.maybe_x(None), mod.maybe_x(P(2.0, 5.0))))
    show("local_instance", lambda: mod.local_instance(P(1.0, 6.0)))
    show("shift_all", lambda: mod.shift_all([P(1, 0), P(2, 0)], 0.5))
    show("make_and_drop", mod.make_and_drop)
    del mod.log[:]
    q = P(1.0, 1.0)
    show("cinit log", lambda: list(mod.log))
    del q
    show("dealloc log", lambda: list(mod.log))

    class Sub(P):
        def norm2(self):
            return -1.0

    s = Sub(1.0, 2.0, "s")
    show("subclass", lambda: (repr(s), s.norm2(), mod.dist2(s, P(0, 0)), isinstance(s, P)))
    s.extra = 5
    show("subclass dict", lambda: s.extra)
    show("subclass move", lambda: s.move(1.0).summary())
    show("doc", lambda: (P.__doc__, P.__name__, P.__qualname__))
