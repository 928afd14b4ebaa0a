from diff_support import show


def items(x):
    """The value's elements as plain Python containers, with their reprs (members or ints)."""
    if isinstance(x, dict):
        return {k: items(v) for k, v in sorted(x.items())}
    if isinstance(x, (set, frozenset)):
        return sorted(repr(e) for e in x)
    if hasattr(x, "first"):  # the shim's pair (a tuple when compiled)
        return [items(x.first), items(x.second)]
    if isinstance(x, (list, tuple)):
        return [items(e) for e in x]
    return repr(x)


def run(mod):
    show("tagged(7)", lambda: items(mod.tagged(7)))
    show("tagged(7) type", lambda: type(mod.tagged(7)[0]).__name__)
    show("tagged_local(3)", lambda: items(mod.tagged_local(3)))
    show("finishes()", lambda: items(mod.finishes()))
    show("by_weight()", lambda: items(mod.by_weight()))
    show("kinds()", lambda: items(mod.kinds()))
    show("first()", lambda: items(mod.first()))
    show("counts()", lambda: items(mod.counts()))
    show("passed()", mod.passed)
    show("plate(5)", lambda: items(dict(mod.plate(5)) if isinstance(mod.plate(5), dict) else vars(mod.plate(5))))
