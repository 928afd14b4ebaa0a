from diff_support import show


def run(mod):
    show("distance", mod.distance, 0.0, 0.0, 3.0, 4.0)
    show("distance(same)", mod.distance, 1.5, -1.5, 1.5, -1.5)
    for x, y in [(1.0, 1.0), (-1.0, 0.0), (0.0, -2.0)]:
        show(f"angle{x, y}", mod.angle, x, y)
    for x in (0.0, 1.0, -20.0):
        show(f"softplus({x})", mod.softplus, x)
    for n in (0, 1, 50):
        show(f"wave({n})", mod.wave, n)
    for x in (2.5, -2.5, 3.0):
        show(f"rounding({x})", mod.rounding, x)
    show("euler", mod.euler)
