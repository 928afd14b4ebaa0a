from diff_support import show


def run(mod):
    for i, item in enumerate(mod.run_all()):
        show(str(i), lambda: item)
    for i, item in enumerate(mod.run_cells()):
        show("cells " + str(i), lambda: item)
