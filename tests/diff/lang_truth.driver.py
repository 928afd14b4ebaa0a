from diff_support import show

VALUES = [0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), {}, {"k": 0}, set(), None, True, False, range(0),
          b""]


def run(mod):
    for v in VALUES:
        show(f"truthy({v!r})", mod.truthy, v)
        show(f"negated({v!r})", mod.negated, v)
        show(f"to_bint({v!r})", mod.to_bint, v)
        show(f"choose({v!r})", mod.choose, v, "A", "B")
    for a, b in [(0, 5), (3, 5), ("", []), ([1], None), (None, 0)]:
        show(f"pick_or{a, b}", mod.pick_or, a, b)
        show(f"pick_and{a, b}", mod.pick_and, a, b)
    for n in (0, 1, 4):
        show(f"count_down({n})", mod.count_down, list(range(n)))
    for obj, n in [([], 0), ([1], 0), ([1], 2), ("", -1)]:
        show(f"mixed{obj, n}", mod.mixed, obj, n)
