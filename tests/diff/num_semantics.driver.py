from diff_support import show


def run(mod):
    show("literal_below_long", mod.literal_below_long)
    show("literal_long_min", mod.literal_long_min)
    show("literal_huge", mod.literal_huge)
    show("literal_long_min_c", mod.literal_long_min_c)
    for a, n in ((5, 1), (-5, 1), (5, 2**32 + 1), (-5, 2**32 + 1), (5, 40), (-5, -1), (7, 2**63 - 1)):
        show(f"shift_right{a, n}", mod.shift_right, a, n)
        show(f"shift_aug{a, n}", mod.shift_aug, a, n)
    for a, n in ((3, 4), (3, 20), (-3, 20), (1, -2)):
        show(f"shift_left_small{a, n}", mod.shift_left_small, a, n)
    for u, n in ((1, 3), (5, 0), (5, -1)):
        show(f"shift_unsigned{u, n}", mod.shift_unsigned, u, n)
    show("shift_minus_one(3)", mod.shift_minus_one, 3)
    for n in (0, 10, 251, 300):
        show(f"count_uchar({n})", mod.count_uchar, n)
    show("last_uchar", mod.last_uchar)
    for n in (0, 3):
        show(f"countdown_unsigned({n})", mod.countdown_unsigned, n)
    for n, step in ((10, -3), (10, 3), (10, 0)):
        show(f"countdown_step{n, step}", mod.countdown_step, n, step)
    show("wide_bounds", mod.wide_bounds, -30000, 30000)
    show("wide_bounds(beyond short, empty)", mod.wide_bounds, 2**40, 2**40 - 5)
    for stop in (3, -10, 1000):
        show(f"object_bound({stop})", mod.object_bound, stop)
    for x in (3.9, -3.9, 0.5, 2147483647.0, 1e9):
        show(f"float_to_int({x})", mod.float_to_int, x)
    for x in (1e30, -1e30, 4294967296.0 + 5, 2147483648.0, float("nan"), float("inf"), float("-inf")):
        show(f"float_to_int({x})", mod.float_to_int, x)
        show(f"float_to_longlong({x})", mod.float_to_longlong, x)
    for x in (255.5, 256.0, -1.5, 1e30):
        show(f"float_to_uchar({x})", mod.float_to_uchar, x)
    # a * b + c rounded twice; a fused multiply-add would round once.
    a = 1.0 + 2.0**-30
    show("fma_candidate", mod.fma_candidate, a, a, -(1.0 + 2.0**-29))
