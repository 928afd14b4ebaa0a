from diff_support import show


def run(mod):
    for n in (0, 1, 10, 100000):
        show(f"triangle({n})", mod.triangle, n)
    for n in (1, 7, 1000):
        show(f"mean_triangle({n})", mod.mean_triangle, n)
    show("mean_triangle(0)", mod.mean_triangle, 0)
    for x, steps in [(10.0, 3), (-4.0, 10), (0.0, 5), (3.0, 0)]:
        show(f"sign_steps{x, steps}", mod.sign_steps, x, steps)
    show("triangle(2.5)", mod.triangle, 2.5)
    show("triangle()", mod.triangle)
