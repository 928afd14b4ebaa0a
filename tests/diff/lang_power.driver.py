from diff_support import show


def run(mod):
    for a in (0, 3, -4, 46340):
        show(f"square_int({a})", mod.square_int, a)
    for a in (-5, 0, 2, 2097151):
        show(f"cube_long({a})", mod.cube_long, a)
    for a, b in [(2, 0), (2, 10), (-2, 11), (3, 39), (1, 1000), (-1, 1001), (0, 0), (0, 5), (10, 18)]:
        show(f"int_pow{a, b}", mod.int_pow, a, b, wraps="i64")
    for a, b in [(2, 62), (3, 40), (7, 23)]:
        show(f"int_pow{a, b} (wraps)", mod.int_pow, a, b, wraps="i64")
    for x, y in [(2.0, 0.5), (9.0, -1.0), (-2.0, 3.0), (10.0, -2.0), (1.5, 2.5), (0.0, 2.0), (4.0, 0.0)]:
        show(f"double_pow{x, y}", mod.double_pow, x, y)
    for x, n in [(2.0, 10), (0.5, -3), (-1.5, 3), (3.0, 0)]:
        show(f"mixed_pow{x, n}", mod.mixed_pow, x, n)
    for n in (0, 1, 10, 1000):
        show(f"pow_sum_nogil({n})", mod.pow_sum_nogil, n)
    for a, b in [(2, 63), (2, 64), (3, 5), (65535, 4)]:
        show(f"unsigned_pow{a, b}", mod.unsigned_pow, a, b, wraps="u64")
    for a in (1, 7, -3):
        show(f"precedence({a})", mod.precedence, a)
    show("precedence(0)", mod.precedence, 0)
