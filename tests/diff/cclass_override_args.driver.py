from diff_support import show


def run(mod):
    objects = [mod.Source(), mod.Scaled(), mod.Shifted()]
    show("through base", lambda: [mod.through_base(o, 2) for o in objects])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("through derived", lambda: [mod.through_derived(o, 3) for o in objects[1:]])
    show("log", lambda: list(mod.log))
    show("None", lambda: mod.none_object(1))
