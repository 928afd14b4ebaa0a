from diff_support import show


def run(mod):
    s = mod.Stats([1.0, 2.0, 4.5])
    show("sum_to", s.sum_to, 10)
    show("sum_to converts", s.sum_to, "x", converts=("int",))
    show("half", s.half, 3)
    show("half type", lambda: type(s.half(4)).__name__)
    show("twice", s.twice, 21)
    show("twice converts", s.twice, 2.5, converts=("int",))
    show("mangled", s.mangled, 2)
    show("mangled keyword", lambda: s.mangled(_Stats__scaled=4))
    show("mean", s.mean)
    show("checked", s.checked, 1)
    show("checked raises", s.checked, "a")
    show("plain", s.plain)
    show("add", mod.Stats.add, 2, 3)
    show("ratio", mod.Stats.ratio, 1, 4)
    show("size", lambda: s.size)
    show("qualnames", lambda: (mod.Stats.sum_to.__qualname__, mod.Stats.add.__qualname__))
