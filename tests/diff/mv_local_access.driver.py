import array

from diff_support import show


def doubles(values):
    return memoryview(array.array("d", values))


def run(mod):
    for n in (0, 2, 30, 100):
        flags = bytearray(b"\x01" * n)
        show(f"sieve({n})", mod.sieve, memoryview(flags))
        print("  flags:", bytes(flags).hex())
    for k in (0, 2, -1, 3, -4):
        show(f"checked_sum({k})", mod.checked_sum, doubles([1.0, 2.0, 4.0]), k)
    grid = memoryview(array.array("d", [float(k) for k in range(12)])).cast("B").cast("d", (3, 4))
    show("strided_2d(3x4)", mod.strided_2d, grid)
