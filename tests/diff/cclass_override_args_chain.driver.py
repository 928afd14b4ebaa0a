from diff_support import show


def run(mod):
    tools = [mod.Tool(), mod.Drill(), mod.Hammer(), mod.Mallet(), mod.Sledge()]
    show("through Tool", lambda: [mod.through_tool(t, 1) for t in tools])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("through Drill", lambda: [mod.through_drill(t, 2) for t in tools[1:]])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("through Hammer", lambda: [mod.through_hammer(t, 3) for t in tools[2:]])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("Python calls", lambda: (mod.Hammer().use(4), mod.Mallet().use(4, force=3.0), mod.Sledge().use(4)))
    show("log", lambda: list(mod.log))
    show("None", lambda: mod.none_hammer(1))
