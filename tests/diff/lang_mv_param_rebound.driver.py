from array import array

from diff_support import show


def run(mod):
    src = array("i", [1, 2, 3])
    show("fill(src)", mod.fill, src)
    out = array("i", [9, 9, 9])
    show("fill(src, out)", lambda: (mod.fill(src, out), list(out)))
    show("fill(empty)", mod.fill, array("i"))
    show("sum_by_shrinking", mod.sum_by_shrinking, array("d", [0.5, 1.5, 2.0, 4.0]))
    show("sum_by_shrinking(empty)", mod.sum_by_shrinking, array("d"))
    show("first_positive", mod.first_positive, array("i", [-1, 0, 7, 3]))
    show("first_positive(none)", mod.first_positive, array("i", [-1, 0]))
