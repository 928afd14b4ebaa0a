from diff_support import show


def run(mod):
    for n in (0, 1, 5, 10):
        show(f"run_released({n})", mod.run_released, n)
        show(f"run_held({n})", mod.run_held, n)
