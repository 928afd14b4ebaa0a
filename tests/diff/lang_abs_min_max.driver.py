from diff_support import show


def run(mod):
    for a in (0, 5, -5, 2**31 - 1, -(2**31) + 1):
        show(f"abs_int({a})", mod.abs_int, a)
    for a in (0, -7, 2**63 - 1, -(2**63) + 1):
        show(f"abs_long({a})", mod.abs_long, a)
    for x in (0.0, -0.0, -2.5, 1e300, float("-inf")):
        show(f"abs_double({x})", mod.abs_double, x)
    for a, b in [(1, 2), (2, 1), (-5, -5), (-(2**63), 2**63 - 1)]:
        show(f"min2{a, b}", mod.min2, a, b)
    for args in [(1, 2, 3), (3, 2, 1), (-1, -9, -3), (7, 7, 7), (0, 5, 5)]:
        show(f"max3{args}", mod.max3, *args)
    for a, x in [(3, 2.5), (2, 2.5), (-1, -0.5), (4, 4.0)]:
        show(f"min_mixed{a, x}", mod.min_mixed, a, x)
    for a, b in [(2**64 - 1, 1), (0, 2**63)]:
        show(f"max_unsigned{a, b}", mod.max_unsigned, a, b)
    for v in (-3.0, 0.5, 9.0):
        show(f"clamp({v})", mod.clamp, v, 0.0, 1.0)
    for args in [(1, 5, 3), (-10, 0, 10), (4, 4, 4)]:
        show(f"spread_nogil{args}", mod.spread_nogil, *args)
    for x, y in [(1.5, -2.25), (0.125, 0.125)]:
        show(f"min_max_float{x, y}", mod.min_max_float, x, y)
