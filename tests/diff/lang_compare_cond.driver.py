import array

from diff_support import show


def run(mod):
    for args in [(0, 0, 5), (0, 5, 5), (0, -1, 5), (-3, 2, 3), (5, 5, 5)]:
        show(f"in_range{args}", mod.in_range, *args)
    for args in [(1.0, 1.0, 1.0), (1.0, 1.0, 2.0), (2.0, 1.0, 1.0), (0.0, -0.0, 0.0),
                 (float("nan"), float("nan"), float("nan"))]:
        show(f"all_equal{args}", mod.all_equal, *args)
    for args in [(4, 3, 2, 1), (4, 3, 3, 1), (1, 2, 3, 4)]:
        show(f"descending{args}", mod.descending, *args)
    for a, b, c in [(1, 2, 3), (3, 2, 1), (1, 5, 3)]:
        counter = array.array("l", [0])
        show(f"chain_once{a, b, c}", mod.chain_once, a, b, c, counter)
    counter = array.array("l", [0])
    show("chain_once short-circuit", mod.chain_once, 10, 2, 3, counter)
    for x in (2.5, -0.1, 0.0, -0.0):
        show(f"sign({x})", mod.sign, x)
    for flag in (True, False, 0, 1):
        show(f"pick({flag})", mod.pick, flag, 3, -4)
    for n in (0, 1, 10, 11):
        show(f"cond_nogil({n})", mod.cond_nogil, n)
    for args in [(1, 1.5, 2), (1, 1.0, 2), (2, 2.5, 2), (2, 2.5, 3)]:
        show(f"mixed_chain{args}", mod.mixed_chain, *args)
