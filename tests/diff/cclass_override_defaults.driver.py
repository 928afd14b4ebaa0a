from diff_support import show


def run(mod):
    lamps = [mod.Lamp(), mod.Torch(), mod.Beacon(), mod.Flare(), mod.Strobe()]
    show("through Lamp", lambda: [mod.through_lamp(o) for o in lamps])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("through Torch", lambda: [mod.through_torch(o) for o in lamps[1:]])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("through Beacon", lambda: [mod.through_beacon(o) for o in lamps[2:]])
    show("log", lambda: list(mod.log))
    del mod.log[:]
    show("Python calls", lambda: (mod.Beacon().shine(), mod.Flare().shine(level=7)))
    show("log", lambda: list(mod.log))
    show("measure", lambda: (mod.measure(mod.Meter()), mod.measure(mod.Doubler())))
