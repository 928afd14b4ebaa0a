from diff_support import show


def run(mod):
    show("calls", mod.run_all)
    show("python override", lambda: mod.Norwegian().weight(5))
