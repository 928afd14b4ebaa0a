from diff_support import show


def run(mod):
    for x, y in [(3.0, 4.0), (0.0, 0.0), (-5.0, 12.0)]:
        show(f"norm{x, y}", mod.norm, x, y)
    for t in (0.0, 1.0, -2.5):
        show(f"trig({t})", mod.trig, t)
    for x in (0.0, 1.0, -3.5):
        show(f"exp_log({x})", mod.exp_log, x)
    for x in (2.5, -2.5, 3.49, -0.5, 7.0):
        show(f"rounding({x})", mod.rounding, x)
    for x, y in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0)]:
        show(f"remainder{x, y}", mod.remainder, x, y)
    for n in (0, 1, 100):
        show(f"hyp_nogil({n})", mod.hyp_nogil, n)
    for r in (0.0, 1.0, 2.5):
        show(f"circle_area({r})", mod.circle_area, r)
    show("e_squared()", mod.e_squared)
    for x in (1.0, float("nan"), float("inf"), float("-inf"), -0.0):
        show(f"classify({x})", mod.classify, x)
        show(f"not_a_number({x})", mod.not_a_number, x)
    for x in (1.0, 5.0):
        show(f"capped({x})", mod.capped, x, 2.0)
