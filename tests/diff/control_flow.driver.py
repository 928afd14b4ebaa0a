from diff_support import show


def run(mod):
    for n in (-5, 0, 3, 9, 10, 1000):
        show(f"classify({n})", mod.classify, n)
    for args in [(0, 10, 1), (0, 10, 3), (10, 0, -1), (10, 0, -3), (-5, 5, 2), (5, 5, 1),
                 (0, 10, -1), (3, -7, -4), (0, 10, 0)]:
        show(f"sum_range{args}", mod.sum_range, *args)
    for n in (0, 1, 2, 3, 10, 11):
        show(f"count_down({n})", mod.count_down, n)
    for n in (1, 2, 6, 27, 97):
        show(f"collatz_steps({n})", mod.collatz_steps, n)
    for args in [(10, 7, 30), (1, 13, 5), (-10, 4, 0), (0, 5, 0)]:
        show(f"first_multiple{args}", mod.first_multiple, *args)
    for n in (0, 10, 100):
        show(f"skip_sum({n})", mod.skip_sum, n)
    for n in (0, 1, 7, 20):
        show(f"nested_loops({n})", mod.nested_loops, n)
    for a, b in [(1, 2), (-3, 7)]:
        show(f"swap_sub{a, b}", mod.swap_sub, a, b)
    for a, b in [(48, 18), (-48, 18), (48, -18), (0, 5), (7, 0)]:
        show(f"gcd{a, b}", mod.gcd, a, b)
    for n in (0, 1, 10, 90):
        show(f"fib_pair({n})", mod.fib_pair, n)
    show("sum_range(0, 10)", mod.sum_range, 0, 10)
