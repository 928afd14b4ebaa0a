import threading

from diff_support import show


def run(mod):
    a = mod.Acc("a")
    show("feed", lambda: a.feed(4))
    show("use", lambda: mod.use(a, 3))
    show("ccall from Python", lambda: (a.scale(), a.scale(3.0), a.bump(2), a.describe()))
    show("tell", lambda: mod.tell(a))
    show("ratio", lambda: a.safe_ratio(3))
    show("ratio by zero", lambda: a.safe_ratio(0))
    show("None", lambda: mod.use_none(0))
    show("not None", lambda: mod.use_none(1))

    class Sub(mod.Acc):
        def scale(self, k=2.0):
            return -k

        def bump(self, by):
            self.extra = getattr(self, "extra", 0) + by
            return 1000 + by

        def describe(self):
            return "sub " + super().describe()

    s = Sub("s")
    show("override", lambda: (s.feed(4), mod.use(s, 2), s.extra))
    show("override tell", lambda: mod.tell(s))
    show("base method on subclass", lambda: (mod.Acc.scale(s, 1.0), mod.Acc.bump(s, 1)))

    class Plain(mod.Acc):
        pass

    p = Plain("p")
    show("subclass without override", lambda: (p.feed(2), mod.use(p, 1), mod.tell(p)))

    accs = [mod.Acc(str(i)) for i in range(4)]
    threads = [threading.Thread(target=x.spin, args=(20000,)) for x in accs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    show("threads", lambda: [x.bump(0) for x in accs])
    show("cfunc parameter", lambda: mod.count_or_error(4))
    show("cfunc parameter None", lambda: mod.count_or_error(0))
