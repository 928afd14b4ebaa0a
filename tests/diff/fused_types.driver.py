import array

from diff_support import compiled, show


def no_matching_signature(*args):
    # Plain Python runs any body; compiled, no member of `cython.floating` takes a
    # Python int (Cython 3's dispatcher says so in these words).
    raise TypeError("No matching signature found")


def run(mod):
    for n, d in [(3, 2.5), (-4, 0.125), (0, -1.0)]:
        show(f"calls({n}, {d})", mod.calls, n, d)
        show(f"named({n})", mod.named, n)
    for a, b in [(1.5, 2.25), (-0.5, 0.5)]:
        show(f"add({a}, {b})", mod.add, a, b)
    for a, b in [(3, 4), (2.5, 4), (-7, -8)]:
        show(f"mixed({a}, {b})", mod.mixed, a, b)
    show("total(d)", mod.total, memoryview(array.array("d", [1.5, 2.5, -0.25])))
    show("total(f)", mod.total, memoryview(array.array("f", [1.5, 2.5, -0.25])))
    show("keywords()", mod.keywords)
    show("add(1, 2)", mod.add if compiled() else no_matching_signature, 1, 2)
    show("total(list)", mod.total if compiled() else no_matching_signature, [1.0])
