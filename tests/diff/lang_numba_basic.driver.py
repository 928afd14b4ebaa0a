from diff_support import show


def run(mod):
    for a, b in [(1, 2), (-5, 3), (2**40, 2**40)]:
        show(f"add{a, b}", mod.add, a, b)
    for x in (0.0, 1.5, -2.0):
        show(f"poly({x})", mod.poly, x)
    for n in (0, 1, 10, 25):
        show(f"fib({n})", mod.fib, n)
    for a, b in [(48, 18), (17, 5), (0, 9), (-12, 8)]:
        show(f"gcd{a, b}", mod.gcd, a, b)
    for x, n in [(2.0, 10), (0.5, 3), (1.0, 0)]:
        show(f"power_sum{x, n}", mod.power_sum, x, n)
    for flag, x in [(True, 2.0), (True, -2.0), (False, 2.0)]:
        show(f"both{flag, x}", mod.both, flag, x)
    for n in (0, 7, 30):
        show(f"combined({n})", mod.combined, n)
    for a, b in [(7, 2), (-7, 2), (7, -2), (1, 0)]:
        show(f"int_division{a, b}", mod.int_division, a, b)
    show("add(1)", mod.add, 1)
    show("add('a', 1)", mod.add, "a", 1, converts=("int", "int"))
