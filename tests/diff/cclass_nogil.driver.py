import threading

from diff_support import show


def run(mod):
    h = mod.Histogram(10.0, 20.0)
    show("add_series", lambda: h.add_series(100, 0.5))
    show("mean", h.mean)
    show("reset", lambda: mod.reset(h))
    show("after reset", lambda: (h.mean(), h.add_series(10, 1.5)))
    show("reset None", lambda: mod.reset(None))
    hs = [mod.Histogram(0.0, 1000.0) for _ in range(4)]
    threads = [threading.Thread(target=x.add_series, args=(5000, 0.25)) for x in hs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    show("threads", lambda: [x.mean() for x in hs])
