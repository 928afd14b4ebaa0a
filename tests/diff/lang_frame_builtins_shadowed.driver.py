from diff_support import show


def run(mod):
    show("AT_MODULE", lambda: mod.AT_MODULE)
    show("use", mod.use)
