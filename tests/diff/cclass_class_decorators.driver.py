import gc

from diff_support import show


def classify(subject):
    match subject:
        case [x, y]:
            return ("sequence of two", x, y)
        case {"mode": mode, **rest}:
            return ("mapping with mode", mode, sorted(rest))
        case {}:
            return ("mapping",)
        case _:
            return ("other", type(subject).__name__)


def run(mod):
    show("classify(Pair(1, 2))", classify, mod.Pair(1, 2))
    show("classify(Settings(mode='fast', n=3))", classify, mod.Settings(mode="fast", n=3))
    show("classify(Settings(n=3))", classify, mod.Settings(n=3))
    show("classify(NotACollection())", classify, mod.NotACollection())

    class SubPair(mod.Pair):
        pass

    show("classify(SubPair(5, 6))", classify, SubPair(5, 6))
    show("shape(Pair(1, 2))", mod.shape, mod.Pair(1, 2))
    show("Leaf(1.5).twice()", lambda: mod.Leaf(1.5).twice())
    gc.collect()
    mod.make_cycle()
    gc.collect()
    show("dealloc_log", lambda: list(mod.dealloc_log))
