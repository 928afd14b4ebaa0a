from diff_support import show


def run(mod):
    show("stored", mod.stored)
    show("assigned", lambda: mod.Strings.assigned)
