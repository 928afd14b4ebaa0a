from diff_support import show

# (function, C result type, argument pairs). The plain run reduces Python's
# unbounded result to the type's width; the compiled result must already be in
# range and equal to it (diff_support.show with wraps=).
CASES = [
    ("add_char", "i8", [(100, 100), (-128, -1), (1, 2)]),
    ("add_uchar", "u8", [(200, 100), (255, 1), (3, 4)]),
    ("mul_short", "i16", [(300, 300), (-32768, -1), (-7, 9)]),
    ("sub_ushort", "u16", [(0, 1), (5, 3), (1, 65535)]),
    ("mul_int", "i32", [(65536, 65536), (2**31 - 1, 2), (-3, 5)]),
    ("sub_uint", "u32", [(0, 1), (10, 3), (1, 2**32 - 1)]),
    ("add_long", "i64", [(2**63 - 1, 1), (-(2**63), -1), (40, 2)]),
    ("mul_ulonglong", "u64", [(2**32, 2**32), (2**64 - 1, 2**64 - 1), (6, 7)]),
    ("sub_size_t", "u64", [(0, 1), (9, 4)]),
    ("add_ssize", "i64", [(2**63 - 1, 2**63 - 1), (-1, 1)]),
]


def run(mod):
    for name, kind, pairs in CASES:
        for a, b in pairs:
            show(f"{name}{a, b}", getattr(mod, name), a, b, wraps=kind)
    for a in (0, 5, -(2**63)):
        show(f"neg_long({a})", mod.neg_long, a, wraps="i64")
    # ushort - ushort is computed as int in C: no wrap, a negative result.
    for a, b in [(0, 1), (5, 3), (1, 65535)]:
        show(f"promoted_ushort{a, b}", mod.promoted_ushort, a, b)
    for n in (0, 10, 36, 37, 1000):
        show(f"accumulate_uchar({n})", mod.accumulate_uchar, n, wraps="u8")
    for a, s in [(1, 1), (0x80000001, 4), (0xDEADBEEF, 16)]:
        show(f"shift_mix{a, s}", mod.shift_mix, a, s, wraps="u32")
