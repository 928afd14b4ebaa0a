import threading

from diff_support import show


def run(mod):
    show("trace", lambda: list(mod.trace))
    show("names", lambda: list(mod.names))
    show("snapshot()", mod.snapshot)
    show("add(4)", mod.add, 4)
    show("snapshot() after add", mod.snapshot)
    show("set_scale(2)", mod.set_scale, 2)
    show("local_shadow()", lambda: mod.local_shadow()[0])
    show("bump_with", mod.bump_with, lambda: (mod.reset(), 10)[1])
    show("loop_variable(4)", mod.loop_variable, 4)
    show("snapshot() after loop", mod.snapshot)
    show("exported()", mod.exported)

    threads = [threading.Thread(target=mod.spin, args=(200000,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    show("snapshot() after spin", mod.snapshot)
