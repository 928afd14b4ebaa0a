import threading

from diff_support import show


def run(mod):
    p = mod.Particle(0.0, 3.0)
    show("run", lambda: (mod.run(p, 10), p.steps))
    q = mod.Particle(10.0, -1.0)
    show("distance", lambda: mod.distance(p, q))
    show("distance to None", lambda: mod.distance(p, None))
    show("kick from Python", lambda: (mod.kick(q, 2.0), mod.kicked(q)))
    ps = [mod.Particle(float(i), 1.0 + i) for i in range(4)]
    threads = [threading.Thread(target=mod.run, args=(x, 50000)) for x in ps]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    show("threads", lambda: [(round(x.x, 6), x.steps) for x in ps])
