from diff_support import show


def run(mod):
    for n in (0, 1, 5, 20, 21, 25):
        show(f"fact({n})", mod.fact, n, wraps="u64")
    for m, n in [(0, 0), (1, 5), (2, 3), (3, 3)]:
        show(f"ack{m, n}", mod.ack, m, n)
    for n in (0, 1, 10, 777):
        show(f"parity({n})", mod.parity, n)
    for a, b in [(48, 18), (-48, 18), (48, -18), (0, 0), (17, 5)]:
        show(f"gcd_py{a, b}", mod.gcd_py, a, b)
    show("flatten", mod.flatten, [1, [2, (3, [4])], [], "s"], [])
