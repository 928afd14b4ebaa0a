import array

from diff_support import show


def run(mod):
    # .shape exists on memoryview objects only, so functions that read it get
    # memoryviews; the others also get array.array directly.
    data = array.array("d", [1.5, -2.0, 3.25, 10.0, 0.5])
    empty = array.array("d")
    show("total", mod.total, memoryview(data))
    show("total(empty)", mod.total, memoryview(empty))
    show("mean", mod.mean, memoryview(data))
    show("mean(empty)", mod.mean, memoryview(empty))
    show("last", mod.last, data)
    show("last(empty)", mod.last, empty)
    show("argmax", mod.argmax, memoryview(data))
    for i in (0, 4, -1, -5, 5, -6, 100):
        show(f"pick({i})", mod.pick, data, i)
    work = array.array("d", data)
    show("scale", mod.scale, work, 2.0)
    print("after scale:", list(work))
    for i, v in [(0, 7.0), (-1, -7.5), (2, 0.125), (5, 1.0), (-6, 1.0)]:
        show(f"put{i, v}", mod.put, work, i, v)
    print("after put:", list(work))
    for n in (0, 1, 4, 5):
        values = array.array("d", [float(k) for k in range(n)])
        show(f"reverse_in_place({n})", mod.reverse_in_place, memoryview(values))
        print(f"  reversed: {list(values)}")
    raw = bytearray(24)
    view = memoryview(raw).cast("d")
    show("put(bytearray view)", mod.put, view, 1, 4.5)
    show("total(bytearray view)", mod.total, view)
