from diff_support import show


def run(mod):
    show("conditional_def", mod.conditional_def, 1)
    show("pick", mod.pick, 3)
    show("pick kw", lambda: mod.pick(3, b=5))
    show("use_c_maker", mod.use_c_maker, 21)
    show("nogil_owner", mod.nogil_owner, 10)
    class K:
        describe = mod.method_factory()
    show("method", lambda: K().describe("!"))
    show("unbound method", lambda: K.describe(K(), "?"))
    show("deep small", mod.deep, 50)
    show("deep huge", mod.deep, 100000)
    show("evaluation_order", mod.evaluation_order)
    show("shadowing", mod.shadowing, 4)
    show("cell_param_rebound", mod.cell_param_rebound, 4)
    show("keyword_call", mod.keyword_call)
    show("repr", lambda: repr(mod.pick).split(" at ")[0])
    show("type name", lambda: type(mod.pick).__name__)
    f = mod.method_factory()
    f.attr = 3
    show("dict", lambda: f.attr)
    show("doc none", lambda: f.__doc__)
    show("defaults", lambda: mod.pick.__defaults__)
