from diff_support import show


def reduce(bits, signed):
    def to_width(value):
        value &= (1 << bits) - 1
        if signed and value >= 1 << (bits - 1):
            value -= 1 << bits
        return value
    return to_width


def show_wrapped(label, function, bits, signed, *args):
    to_width = reduce(bits, signed)
    show(label, lambda: to_width(function(*args)))


def run(mod):
    cases = [
        ("add_char", 8, True, [(100, 100), (-128, -1), (1, 2)]),
        ("add_uchar", 8, False, [(200, 100), (255, 1), (3, 4)]),
        ("mul_short", 16, True, [(300, 300), (-32768, -1), (-7, 9)]),
        ("sub_ushort", 16, False, [(0, 1), (5, 3), (1, 65535)]),
        ("mul_int", 32, True, [(65536, 65536), (2**31 - 1, 2), (-3, 5)]),
        ("sub_uint", 32, False, [(0, 1), (10, 3), (1, 2**32 - 1)]),
        ("add_long", 64, True, [(2**63 - 1, 1), (-(2**63), -1), (40, 2)]),
        ("mul_ulonglong", 64, False, [(2**32, 2**32), (2**64 - 1, 2**64 - 1), (6, 7)]),
        ("sub_size_t", 64, False, [(0, 1), (9, 4)]),
        ("add_ssize", 64, True, [(2**63 - 1, 2**63 - 1), (-1, 1)]),
    ]
    for name, bits, signed, pairs in cases:
        for a, b in pairs:
            show_wrapped(f"{name}{a, b}", getattr(mod, name), bits, signed, a, b)
    for a in (0, 5, -(2**63)):
        show_wrapped(f"neg_long({a})", mod.neg_long, 64, True, a)
    # ushort - ushort is computed as int in C: no wrap, a negative result.
    for a, b in [(0, 1), (5, 3), (1, 65535)]:
        show(f"promoted_ushort{a, b}", mod.promoted_ushort, a, b)
    for n in (0, 10, 36, 37, 1000):
        show_wrapped(f"accumulate_uchar({n})", mod.accumulate_uchar, 8, False, n)
    for a, s in [(1, 1), (0x80000001, 4), (0xDEADBEEF, 16)]:
        show_wrapped(f"shift_mix{a, s}", mod.shift_mix, 32, False, a, s)
