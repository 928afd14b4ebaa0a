from diff_support import show


def run(mod):
    for a, b in [(7, 2), (0, 3), (100, 7), (2**62, 3)]:
        show(f"c_div_mod{a, b}", mod.c_div_mod, a, b)
    for a, b in [(-7, 2), (7, -2), (-7, -2), (-1, 1000)]:
        q, r = mod.c_div_mod(a, b)
        print(f"c_div_mod{a, b}: identity {q * b + r == a} bounded {abs(r) < abs(b)}")
    for a, b in [(7, 2), (1, 3), (-9, 4)]:
        show(f"c_true_div{a, b}", mod.c_true_div, a, b)
    for n in (0, 7, 1234, 2**31 - 1):
        show(f"digits_reversed({n})", mod.digits_reversed, n)
    for x, y in [(1.0, 8.0), (-3.0, 2.0)]:
        show(f"float_div{x, y}", mod.float_div, x, y)
