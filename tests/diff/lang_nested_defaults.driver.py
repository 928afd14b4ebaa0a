from diff_support import show


def run(mod):
    show("run()", mod.run)
