from diff_support import show


def run(mod):
    for x in (0.0, 1.0, -2.5, 1e10):
        show(f"eval_poly({x})", mod.eval_poly, x)
    for n in (1, 10, 1000):
        show(f"integrate({n})", mod.integrate, n)
    show("integrate(0)", mod.integrate, 0)
    for v in (-100, -10, 0, 10, 11):
        show(f"clamped({v})", mod.clamped, v)
    for n in (0, 9, 12345, 2**64 - 2):
        show(f"digits({n})", mod.digits, n)
    for n in (0, 5, -7):
        show(f"back_and_forth({n})", mod.back_and_forth, n)
    show("eval_poly('1')", mod.eval_poly, "1", converts=("float",))
    show("clamped()", mod.clamped)
