from diff_support import compiled, documented, show


def run(mod):
    show("shiny(0)", mod.shiny, 0)
    show("shiny(1)", mod.shiny, 1)
    show("type(shiny(1))", lambda: type(mod.shiny(1)).__name__)
    show("shiny(1) is glaze.gloss", lambda: mod.shiny(1) is mod.glaze.gloss)
    show("round_trip(glaze.satin)", mod.round_trip, mod.glaze.satin)
    # A Python int passed for a glaze parameter is a C value of the enum: it
    # comes back as the class's member (or combination), as in Cython.
    documented("round_trip(4)", mod.round_trip, (4,), "<glaze.crackle: 4>")
    documented("round_trip(3)", mod.round_trip, (3,), "<glaze.matte|gloss: 3>")
    show("finishes()", mod.finishes)
    show("fire(2)", mod.fire, 2)
    show("members()", mod.members)
    show("flags", lambda: mod.glaze.matte | mod.glaze.crackle)
    show("is_gloss(2)", mod.is_gloss, 2)
    show("is_gloss(glaze.matte)", mod.is_gloss, mod.glaze.matte)
    show("module values", lambda: (mod.KILNS, mod.SHELVES))
    show("glaze module", lambda: mod.glaze.__module__)
    show("glaze bases", lambda: [b.__name__ for b in mod.glaze.__mro__])
    show("str(glaze.gloss)", lambda: str(mod.glaze.gloss))
    show("repr(glaze.satin)", lambda: repr(mod.glaze.satin))
    # A named enum's values are not attributes of the compiled module (Cython
    # 3.1 exports only the class); the plain module defines them itself.
    show("matte only in plain", lambda: hasattr(mod, "matte") != compiled())
    k = mod.Kiln()
    show("Kiln().current()", k.current)
    show("Kiln().last", lambda: k.last)
    k.last = mod.glaze.gloss
    show("Kiln().last = gloss", lambda: k.last)
    show("with_default()", mod.with_default)
    show("label(glaze.crackle)", mod.label, mod.glaze.crackle)
    documented("label(6)", mod.label, (6,), "('<glaze.satin: 6>', [<glaze.satin: 6>], {'finish': <glaze.satin: 6>})")
