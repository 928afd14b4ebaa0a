from diff_support import show


def run(mod):
    for n in (0, 1, 5):
        show(f"run_loop({n})", mod.run_loop, n)
        show("  recorded", mod.recorded)
    for a, b in [(4.0, 9.0), (0.0, 2.25), (-1.0, 4.0), (4.0, -0.5)]:
        show(f"roots{a, b}", mod.roots, a, b)
    show("roots_with_gil(16)", mod.roots_with_gil, 16.0)
    show("roots_with_gil(-16)", mod.roots_with_gil, -16.0)
    show("talk(4)", mod.talk, 4)
