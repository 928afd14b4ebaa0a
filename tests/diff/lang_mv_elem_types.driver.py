import array

from diff_support import show


def run(mod):
    show("sum_schar", mod.sum_schar, array.array("b", [-128, 127, -1, 5]))
    show("sum_uchar", mod.sum_uchar, array.array("B", [255, 0, 128, 1]))
    show("sum_uchar(bytearray)", mod.sum_uchar, bytearray(b"\x00\xff\x10"))
    show("sum_short", mod.sum_short, array.array("h", [-32768, 32767, -2]))
    show("sum_ushort", mod.sum_ushort, array.array("H", [65535, 1, 2]))
    show("sum_int", mod.sum_int, array.array("i", [2**31 - 1, 2**31 - 1, -5]))
    show("sum_uint", mod.sum_uint, array.array("I", [2**32 - 1, 2**32 - 1, 3]))
    show("first_long", mod.first_long, array.array("l", [-(2**63), 1]))
    show("first_ulong", mod.first_ulong, array.array("L", [2**64 - 1]))
    show("first_longlong", mod.first_longlong, array.array("q", [2**63 - 1]))
    show("first_ulonglong", mod.first_ulonglong, array.array("Q", [2**63 + 5]))
    show("sum_float", mod.sum_float, array.array("f", [0.1, 0.2, 0.3]))
    show("first_ssize", mod.first_ssize, memoryview(array.array("q", [-42, 7])).cast("B").cast("n"))
    show("first_size", mod.first_size, memoryview(array.array("Q", [2**64 - 2])).cast("B").cast("N"))
    shorts = array.array("h", [1, -1, 1000])
    show("bump_short", mod.bump_short, shorts, 7)
    print("  bumped:", list(shorts))
    show("sum_short(empty)", mod.sum_short, array.array("h"))
