from diff_support import show


def run(mod):
    for x in (1.5, -2.0, 0.0, -0.0, 1e300):
        show(f"neg_neg({x!r})", mod.neg_neg, x)
        show(f"neg_neg_float({x!r})", mod.neg_neg_float, x if abs(x) < 1e30 else 0.25)
        show(f"pos_pos({x!r})", mod.pos_pos, x)
    for n in (0, 5, -7, 2147483647, -2147483647):
        show(f"neg_neg_int({n})", mod.neg_neg_int, n)
    for n in (0, 5, -7, 32767, -32768):
        show(f"inv_inv({n})", mod.inv_inv, n)
    for n in (0, 1, 4294967295):
        show(f"neg_neg_uint({n})", mod.neg_neg_uint, n)
    for c in (-128, 0, 127):
        show(f"pos_neg_char({c})", mod.pos_neg_char, c)
