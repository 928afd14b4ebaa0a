import dataclasses

from diff_support import documented, show


def error_name(function):
    try:
        function()
    except Exception as e:
        return type(e).__name__ if type(e) is not dataclasses.FrozenInstanceError else "AttributeError"
    return "no error"


def run(mod):
    f = mod.Frozen(1, 2.0)
    show("frozen repr", lambda: (repr(f), repr(mod.Frozen()), f == mod.Frozen(1, 2.0), f != mod.Frozen()))
    # Compiled, the fields are readonly descriptors (AttributeError); plain
    # Python raises FrozenInstanceError, an AttributeError too.
    show("frozen store", lambda: (error_name(lambda: setattr(f, "x", 5)), error_name(lambda: delattr(f, "y")), f.x))
    show("frozen hash", lambda: (hash(f) == hash(mod.Frozen(1, 2.0)), len({f, mod.Frozen(1, 2.0), mod.Frozen()})))
    show("frozen typed", lambda: (mod.read_frozen(f), repr(f.moved(2))))
    # Cython's methods store into their own type's readonly fields; the
    # standard library's frozen __setattr__ refuses it.
    documented("frozen own store", lambda: (f.bump(), f.x), (), "(2, 2)")
    s = mod.Scaled(1.5)
    show("initvar", lambda: (repr(s), s.total, s.seen, repr(mod.Scaled(1.0, 3, 0.25)), mod.Scaled(2.0, scale=4).seen))
    show("initvar compare", lambda: (mod.Scaled(1.0) == mod.Scaled(1.0, 5), mod.Scaled(1.0, 2) == mod.Scaled(1.0, 2)))
    show("initvar fields", lambda: ([x.name for x in dataclasses.fields(s)],
                                    sorted(k for k, v in mod.Scaled.__dataclass_fields__.items()
                                           if v._field_type is dataclasses._FIELD_INITVAR)))
    show("initvar no post_init", lambda: (repr(mod.Dropped(1, 2)), repr(mod.Dropped(n=3))))
    show("initvar missing", lambda: error_name(lambda: mod.Scaled()))
    show("classvar", lambda: (mod.Scaled.shared, s.shared))
    d = mod.Derived(1, "xy", [3])
    show("derived", lambda: (repr(d), repr(mod.Derived(2)), d.total(), d.c, [x.name for x in dataclasses.fields(d)]))
    show("derived eq", lambda: (d == mod.Derived(1, "xy", [3]), d == mod.Derived(1, "xy", [4]), d == mod.Derived(2)))
    show("derived hash", lambda: (hash(d) == hash(mod.Derived(1, "xy", [9])), hash(d) == hash(mod.Derived(2))))
    show("derived asdict", lambda: dataclasses.asdict(d))
    show("derived missing", lambda: error_name(lambda: mod.Derived()))
    show("base still", lambda: (repr(mod.Base(4)), mod.Base(4) == mod.Base(4), error_name(lambda: hash(mod.Base(4)))))
    # Cython's comparisons take instances of subclasses; the standard library's the same class only.
    documented("base against derived", lambda: (mod.Base(1, "xy") == d), (), "True")
    o = mod.OverPlain(4)
    show("plain base", lambda: (repr(o), [x.name for x in dataclasses.fields(o)], o.e))
    p = mod.Frozen.__dataclass_params__
    show("params", lambda: (p.init, p.repr, p.eq, p.order, p.unsafe_hash, p.frozen))
    q = mod.Derived.__dataclass_params__
    show("params derived", lambda: (q.init, q.repr, q.eq, q.order, q.unsafe_hash, q.frozen))
    # Cython 3 (language_level=3) reads `int` and `bool` as exactly those types
    # and `float` as a C double; plain Python stores what it is given.
    documented("typed int", lambda: error_name(lambda: mod.Typed(2.0)), (), "'TypeError'")
    documented("typed bool", lambda: error_name(lambda: mod.Typed(1, 1.0, 1)), (), "'TypeError'")
    documented("typed float", lambda: repr(mod.Typed(3, 2)), (), "'Typed(a=3, f=2.0, flag=False)'")
    show("typed ok", lambda: repr(mod.Typed(4, 1.5, True)))
