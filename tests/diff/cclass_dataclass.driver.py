import dataclasses

from diff_support import documented, show


def error_name(function):
    try:
        function()
    except Exception as e:
        return type(e).__name__
    return "no error"


def run(mod):
    p = mod.Point()
    q = mod.Point(2, 3.0, ["a"])
    show("repr", lambda: (repr(p), repr(q), repr(mod.Point(y=-1.0, tags=[1], note="hidden"))))
    show("eq", lambda: (p == mod.Point(), p == q, p != q, p == mod.Point(tags=[9]), p == "x"))
    # One field decides here, so Cython's `and` of the fields' comparisons and
    # the standard library's tuple comparison agree.
    show("order", lambda: (p < q, p <= q, p > q, p >= q, q > p))
    show("hash", lambda: (hash(p) == hash(mod.Point(tags=[1])), hash(p) == hash(q)))
    show("factory", lambda: (mod.Point().tags is mod.Point().tags, mod.Point(tags=[1]).tags))
    show("typed method", lambda: (p.norm1(), mod.shifted(q, 5), q.tags, mod.shifted(q, 1).tags))
    n = mod.Named("a")
    show("post_init", lambda: (repr(n), n.count, n.seen, n == mod.Named("a"), mod.Named("b", count=0).count))
    show("unhashable", lambda: (mod.Named.__hash__, error_name(lambda: hash(n))))
    show("eq=False", lambda: (repr(mod.Plain(1.0)), mod.Plain(1.0) == mod.Plain(1.0), hash(mod.Plain(2.0)) != 0))
    show("init=False", lambda: (mod.Manual(4).a, mod.Manual(4).a))
    # Without the generated __init__, Cython stores no default (the class body's
    # `b: object = "b"` is no class attribute there): the field stays None.
    documented("init=False default", lambda: (mod.Manual(4).b, repr(mod.Manual(1))), (), "(None, 'Manual(a=2, b=None)')")
    show("fields", lambda: ([f.name for f in dataclasses.fields(p)], dataclasses.asdict(q),
                            [(f.name, f.init, f.repr) for f in dataclasses.fields(n)]))
    show("short spellings", lambda: (repr(mod.Short()), mod.Short(1, [1]) < mod.Short(2, [2]), mod.Short(b=[3]).b,
                                     [f.name for f in dataclasses.fields(mod.Short)]))
    show("is_dataclass", lambda: (dataclasses.is_dataclass(p), dataclasses.is_dataclass(mod.Named)))
    show("missing", lambda: error_name(lambda: mod.Named()))
    show("too many", lambda: error_name(lambda: mod.Point(1, 2, 3, 4, 5)))
    show("unknown keyword", lambda: error_name(lambda: mod.Point(z=1)))
    # Compiled, a typed field converts what __init__ stores, as Cython's does.
    documented("typed field", lambda: (error_name(lambda: mod.Point("x")), error_name(lambda: mod.Named(3))), (),
               "('TypeError', 'TypeError')")
    # Cython compares instances of the type (subclasses included) field by field
    # with `and`; the standard library compares tuples of the fields.
    documented("order by fields", lambda: (mod.Point(1, 5.0) < mod.Point(2, 3.0)), (), "False")
