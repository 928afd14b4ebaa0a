from diff_support import show

INT_PAIRS = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (1, 3), (-1, 3), (9, 0), (0, 0)]


def run(mod):
    for a, b in INT_PAIRS + [(2**31 - 1, -1), (-(2**31), 7)]:
        show(f"true_div_int{a, b}", mod.true_div_int, a, b)
    for a, b in [(2**64 - 1, 2), (10, 4), (5, 0)]:
        show(f"true_div_ulong{a, b}", mod.true_div_ulong, a, b)
    for a, b in INT_PAIRS + [(-32768, 3), (32767, -32768)]:
        show(f"div_mod_short{a, b}", mod.div_mod_short, a, b)
        show(f"floor_via_cfunc{a, b}", mod.floor_via_cfunc, a, b)
        show(f"mod_without_gil{a, b}", mod.mod_without_gil, a, b)
    for x, y in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (1.0, 0.0), (0.0, 0.0), (-0.0, 1.0)]:
        show(f"div_mod_double{x, y}", mod.div_mod_double, x, y)
    for a, b in [(2**64 - 1, 10), (17, 5), (3, 0)]:
        show(f"div_mod_ulong{a, b}", mod.div_mod_ulong, a, b)
    for x, y in [(1.0, 4.0), (1.0, 0.0), (-1.0, 0.0), (0.0, 0.0)]:
        show(f"float_div_zero{x, y}", mod.float_div_zero, x, y)
    for a, x in [(7, 2.0), (-7, 0.5), (3, 0.0)]:
        show(f"mixed_div{a, x}", mod.mixed_div, a, x)

