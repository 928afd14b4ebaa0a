from diff_support import documented, show


def run(mod):
    show("module code", lambda: list(mod.log))
    del mod.log[:]
    show("zap", mod.zap, 3)
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("swap", mod.swap)
    show("zap after swap", mod.zap, 4)
    show("same", mod.same)
    show("put a Norwegian", lambda: type(mod.put(mod.Norwegian())).__name__)
    show("put None", mod.put, None)
    show("volts of None", mod.volts)
    # Compiled, the store tests the type (Cython's message); plain Python stores anything.
    documented("put an int", mod.put, (3,), "TypeError: Cannot convert int to globals_cclass_variables.Parrot")
    documented("put a str", mod.put, ("x",), "TypeError: Cannot convert str to globals_cclass_variables.Parrot")
    show("still None", lambda: mod.put(None))

    class Sub(mod.Parrot):
        def name(self):
            return "sub"

    show("Python subclass", lambda: (mod.put(Sub()).name(), mod.zap(1)[2]))
    # Compiled, they are variables of the module's C code, no attributes (plain Python: globals).
    documented("no attributes", lambda: (hasattr(mod, "p0"), hasattr(mod, "p1"), hasattr(mod, "p2")), (),
               "(False, False, False)")
