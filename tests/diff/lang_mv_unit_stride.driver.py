import array

from diff_support import show


def run(mod):
    a = array.array("d", [float(k * k % 7) for k in range(11)])
    out = array.array("d", [0.0] * 11)
    show("stencil", mod.stencil, memoryview(a), memoryview(out))
    print("  out:", list(out))
    out2 = array.array("d", [0.0] * 11)
    show("stencil_checked", mod.stencil_checked, memoryview(a), memoryview(out2))
    show("stencil_checked(short out)", mod.stencil_checked, memoryview(a), memoryview(out2)[:5])
    show("stencil_checked(strided)", mod.stencil_checked, memoryview(a), memoryview(array.array("d", [0.0] * 22))[::2])
    flags = bytearray(b"\x01" * 100)
    show("sieve", mod.sieve, memoryview(flags))
    print("  flags:", flags.hex())
    flags2 = bytearray(b"\x01" * 200)
    show("sieve_strided", mod.sieve_strided, memoryview(flags2)[::2])
    print("  flags2:", flags2.hex())
    b = array.array("d", [1.5, 2.5, 3.5, 4.5])
    show("only(one, stride 24)", mod.only, memoryview(b)[1:2:3])
    show("only(one, stride -8)", mod.only, memoryview(b)[2:1:-1])
    show("only(all)", mod.only, memoryview(b))
    for i in (0, 3, -1, -4, 4, -5):
        show(f"at({i})", mod.at, memoryview(b), i)
    show("at(empty)", mod.at, memoryview(array.array("d")), 0)
    show("maybe(None)", mod.maybe, None)
    show("maybe(b)", mod.maybe, memoryview(b))
    m = memoryview(array.array("d", [float(k) for k in range(12)])).cast("B").cast("d", (3, 4))
    show("corner", mod.corner, m)
    show("local_views(one, stride 24)", mod.local_views, memoryview(b)[1:2:3], m)
    show("local_views", mod.local_views, memoryview(b), m)
