from diff_support import show


def run(mod):
    p = mod.Plain()
    show("Plain.twice(3)", mod.Plain.twice, 3)
    show("Plain.twice(1.5)", mod.Plain.twice, 1.5)
    show("p.twice(4)", p.twice, 4)
    show("Plain.scaled(2)", mod.Plain.scaled, 2)
    show("Child.scaled(2.5)", mod.Child.scaled, 2.5)
    show("Child().scaled(1)", mod.Child().scaled, 1)
    show("Plain.kind(1.0)", mod.Plain.kind, 1.0)
    show("Plain.kind(1.0, 'w')", mod.Plain.kind, 1.0, "w")
    show("p.use(3, 0.5)", p.use, 3, 0.5)
    show("Ext.halve(3)", mod.Ext.halve, 3)
    show("Ext.halve(3.0)", mod.Ext.halve, 3.0)
    show("Ext.make(4).get()", lambda: mod.Ext.make(4).get())
    show("Ext(1).make(2.9).get()", lambda: mod.Ext(1).make(2.9).get())
    show("Ext(1).use(5, 7.0)", mod.Ext(1).use, 5, 7.0)
    show("from_module(3, 2.5)", mod.from_module, 3, 2.5)
