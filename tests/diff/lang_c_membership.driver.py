from diff_support import show


def run(mod):
    for c in (-20, 0, 1, 3, 4, 10, 29, 30):
        show(f"classify_released({c})", mod.classify_released, c)
    for c, d, k in [(0, 1.0, 200), (1, 2.5, 56), (8, 0.5, 255), (3, -0.0, 0)]:
        show(f"mixed_types{c, d, k}", mod.mixed_types, c, d, k)
    for c in (1, 3, 7):
        show(f"evaluation_order({c})", mod.evaluation_order, c)
    for c in (5, 6, -5):
        show(f"one_element({c})", mod.one_element, c)
    for x, c in [(1, 4), (2.0, 2), ("s", 1), (None, 0)]:
        show(f"objects{x, c}", mod.objects, x, c)
