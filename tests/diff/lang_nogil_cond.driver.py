from diff_support import show


def run(mod):
    for n in (0, 10, 5000):
        for release in (True, False):
            show(f"maybe_release({n}, {release})", mod.maybe_release, n, release)
    for n in (10, 1001, 4000):
        show(f"threshold_release({n})", mod.threshold_release, n)
    for n in (3, 100):
        for take in (True, False):
            show(f"maybe_reacquire({n}, {take})", mod.maybe_reacquire, n, take)
    show("constant_forms(20)", mod.constant_forms, 20)
    for d, release in [(3, True), (0, True), (0, False), (-4, False)]:
        show(f"error_in_conditional(50, {d}, {release})", mod.error_in_conditional, 50, d, release)
