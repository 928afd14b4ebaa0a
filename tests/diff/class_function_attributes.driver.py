from diff_support import show


def run(mod):
    p = mod.Plain()
    show("Plain.plus1(1)", mod.Plain.plus1, 1)
    show("p.name()", p.name)
    show("p.name('?')", p.name, "?")
    show("p.counted(1, 2, z=3)", p.counted, 1, 2, z=3)
    show("p.scale(3)", p.scale, 3)
    show("Derived().scale(3)", mod.Derived().scale, 3)
    show("p.grows()", p.grows)
    show("p.grows() again", p.grows)
    show("p.bound_static(1)", p.bound_static, 1)
    show("p.plus1()", p.plus1)
    show("calls_in_module()", mod.calls_in_module)
    show("attach_later()", mod.attach_later)
    show("same_object()", mod.same_object)
    show("direct_call_still_works()", mod.direct_call_still_works)
    e = mod.Ext(7)
    show("e.name()", e.name)
    show("e.counted(1)", e.counted, 1)
    show("e.asked()", e.asked)
    show("Ext.name(e, '.')", mod.Ext.name, e, ".")
    # Python code attaching a module function to a class (Cython's T494 case):
    # only functions the module stores in a class, or that ask for binding, bind.
    class A:
        pass
    A.asked = mod.asked_to_bind
    show("A().asked()", lambda: A().asked())
    show("p.name bound to p", lambda: p.name.__self__ is p)
    show("type(Plain.__dict__['name']).__name__", lambda: type(mod.Plain.__dict__["name"]).__name__)
    show("Plain.name.__name__", lambda: mod.Plain.name.__name__)
    show("Plain.name.__qualname__", lambda: mod.Plain.name.__qualname__)
