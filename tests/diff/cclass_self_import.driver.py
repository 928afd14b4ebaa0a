from diff_support import show


def run(mod):
    show("seen", lambda: mod.seen)
    show("same type", lambda: mod.same_type())
    show("attribute", lambda: mod.Shop.__name__)
