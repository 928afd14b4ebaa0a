from diff_support import show


def run(mod):
    for n in (-5, 0, 7, -(2**63), 2**63 - 1):
        show(f"sign_ll({n})", mod.sign_ll, n)
    for n in (-1, 0, 255, 256, 1000):
        show(f"low_byte({n})", mod.low_byte, n)
    for n in (-1000, -100, -5, 0, 99, 101):
        show(f"as_schar({n})", mod.as_schar, n)
    for n in (0, 1, 2**64 - 1):
        show(f"clamp_ull({n})", mod.clamp_ull, n)
    for n in (-3, 0, 1000):
        show(f"dead_code_after_return({n})", mod.dead_code_after_return, n)
