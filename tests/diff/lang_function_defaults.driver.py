from diff_support import show


def defaults(f):
    return lambda: (f.__defaults__, f.__kwdefaults__)


def run(mod):
    show("BOUND_EARLY", lambda: mod.BOUND_EARLY)
    for name in ("positional", "keyword_only", "typed", "no_defaults", "only_keyword", "star_and_keyword", "shared"):
        show(name, defaults(getattr(mod, name)))
    show("inner", defaults(mod.make_inner()))
    show("plain inner", defaults(mod.make_plain_inner()))
    show("Holder.method", defaults(mod.Holder.method))
    show("Holder.bare", defaults(mod.Holder.bare))
    show("bound method", defaults(mod.Holder().method))
    show("LAMBDA", defaults(mod.LAMBDA))
    # A mutable default is the object the calls use.
    show("shared(1)", mod.shared, 1)
    show("shared default", lambda: mod.shared.__defaults__[0] is mod.shared(2))
    show("keyword_only call", lambda: mod.keyword_only(1, d=4))
    show("keyword_only e", lambda: mod.keyword_only.__kwdefaults__["e"])
    show("calls", lambda: (mod.positional(1), mod.typed(), mod.make_inner()(z=0), mod.Holder().method()))
    show("Aliases().plus()", lambda: mod.Aliases().plus())
    show("Aliases.plus(1, 2)", lambda: mod.Aliases.plus(1, 2))
    show("repr", lambda: repr(mod.positional).split(" at ")[0])
