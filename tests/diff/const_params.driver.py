from diff_support import documented, show


# A const parameter converts as its type does: plain Python has no C double.
def run(mod):
    show("run()", mod.run)
    show("scaled(1.5)", mod.scaled, 1.5)
    show("scaled(1.5, 3)", mod.scaled, 1.5, 3)
    show("halved(7)", mod.halved, 7)
    show("halved(-7)", mod.halved, -7)
    documented("scaled('x')", mod.scaled, ("x",), "TypeError: must be real number, not str")
