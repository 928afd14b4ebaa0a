from diff_support import show


def run(mod):
    for v, u, s, b in [(0, 0, 0, False), (1, 1, -1, True), (-1, 2**64 - 1, -32768, True),
                       (-(2**63), 2**63, 32767, False), (2**63 - 1, 12345678901234567890, 255, True),
                       (-1000, 7, -7, False)]:
        show(f"counts({v}, {u}, {s}, {b})", mod.counts, v, u, s, b)
    for v in (-128, -1, 0, 5, 127):
        show(f"small({v})", mod.small, v)
