from diff_support import show


def run(mod):
    c = mod.Counter(3)
    show("bump", c.bump)
    show("bump again", c.bump)
    show("publish", c.publish)
    show("published", mod.published)
    show("nested", c.nested)
    show("handler", c.handler)
    show("strings", c.strings)
    show("mangled keyword", lambda: mod.Counter(_Counter__start=7).bump())
    show("unmangled keyword", lambda: mod.Counter(__start=7))
    show("class attributes", lambda: sorted(k for k in vars(mod.Counter) if "step" in k))
    show("instance attributes", lambda: sorted(vars(c)))
    show("_Hidden", lambda: (mod._Hidden().peek(), sorted(k for k in vars(mod._Hidden) if "secret" in k or "Inner" in k)))
    show("___", lambda: sorted(k for k in vars(mod.___) if "kept" in k))
    show("Box", lambda: mod.Box(4).doubled())
    show("nested_global", mod.nested_global)
