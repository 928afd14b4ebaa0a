import array

from diff_support import show


def run(mod):
    a = mod.Acc()
    show("run", lambda: a.run(3, 1.25))
    show("pairs", lambda: a.pairs(2, 0.5, 0.25))
    show("sums", lambda: a.sums(memoryview(array.array("d", [1.5, 2.5])), memoryview(array.array("f", [0.5, 0.25]))))
    s = mod.Sub()
    show("sub", lambda: s.twice(2.5))
    show("parameter", lambda: mod.through_parameter(s, 0.75, 4))
    show("None receiver", lambda: mod.none_receiver(0.5))
