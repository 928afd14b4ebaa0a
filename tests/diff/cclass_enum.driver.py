from diff_support import show


def run(mod):
    show("pick('r')", mod.pick, "r")
    show("pick('g')", mod.pick, "g")
    show("doubled(Size.LARGE)", mod.doubled, mod.Size.LARGE)
    show("doubled(2)", mod.doubled, 2)
    show("describe(Color.RED)", mod.describe, mod.Color.RED)
    show("describe(Color.GREEN)", mod.describe, mod.Color.GREEN)
    show("members()", mod.members)
    show("combine()", mod.combine)
    show("Perm.READ in combine()", lambda: mod.Perm.READ in mod.combine())
    show("from_value('green')", mod.from_value, "green")
    show("from_value('blue')", mod.from_value, "blue")
    show("rename()", mod.rename)
    show("Level.HIGH > Level.LOW", lambda: mod.Level.HIGH > mod.Level.LOW)
    show("Size.SMALL == 1", lambda: mod.Size.SMALL == 1)
    show("type(Color)", lambda: type(mod.Color).__name__)
