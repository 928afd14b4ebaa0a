from diff_support import show

PAIRS = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (5, 0), (0, 0)]


def run(mod):
    for a, b in PAIRS:
        show(f"floor_div{a, b}", mod.floor_div, a, b)
        show(f"modulo{a, b}", mod.modulo, a, b)
        show(f"true_div{a, b}", mod.true_div, a, b)
        show(f"compare{a, b}", mod.compare, a, b)
        show(f"logic{a, b}", mod.logic, a, b)
        show(f"pick_or{a, b}", mod.pick_or, a, b)
        show(f"pick_and{a, b}", mod.pick_and, a, b)
    for x, y in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-0.5, 0.25), (1.0, 0.0)]:
        show(f"float_floor_div{x, y}", mod.float_floor_div, x, y)
        show(f"float_mod{x, y}", mod.float_mod, x, y)
    for a, b in [(2, 10), (-3, 3), (10, 0), (0, 0), (7, 1), (3, 40), (-2, 63)]:
        show(f"power{a, b}", mod.power, a, b, wraps="i64")
    for x, y in [(2.0, 0.5), (9.0, -1.0), (-2.0, 3.0), (0.0, 0.0)]:
        show(f"float_power{x, y}", mod.float_power, x, y)
    for a, x in [(3, 0.5), (-4, 2.25), (0, -1.0)]:
        show(f"mixed{a, x}", mod.mixed, a, x)
    for a, b in [(5, 3), (3, 5), (0, 1), (2**64 - 1, 2**64 - 1)]:
        show(f"unsigned_sub{a, b}", mod.unsigned_sub, a, b, wraps="u64")
    for a, b in [(2**32, 2**32), (2**63, 3), (12345, 6789)]:
        show(f"unsigned_mul{a, b}", mod.unsigned_mul, a, b, wraps="u64")
    for a, b in [(2**62, 4), (-(2**62), 3), (123456789, 987654321)]:
        show(f"signed_mul{a, b}", mod.signed_mul, a, b, wraps="i64")
    for a, b in [(2**31 - 1, 1), (-(2**31), -1), (100, 200)]:
        show(f"int_add{a, b}", mod.int_add, a, b, wraps="i32")
    for a in (0, 5, -5):
        show(f"negate({a})", mod.negate, a)
    # Argument errors both versions raise (conversions that only the compiled
    # module checks, e.g. 2**64 to a ulong, are covered by tests/e2e).
    show("floor_div(1)", mod.floor_div, 1)
    show("float_mod('x', 1.0)", mod.float_mod, "x", 1.0, converts=("float", "float"))
