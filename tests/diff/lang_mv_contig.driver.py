import array

from diff_support import show


def run(mod):
    a = array.array("d", [1.0, 2.0, 3.0, 4.0])
    b = array.array("d", [0.5, -1.0, 2.0, 0.25])
    show("dot", mod.dot, memoryview(a), memoryview(b))
    show("dot(mismatch)", mod.dot, memoryview(a), memoryview(array.array("d", [1.0])))
    show("dot(empty)", mod.dot, memoryview(array.array("d")), memoryview(array.array("d")))
    # A strided view is fine for a [:] parameter.
    show("strided_sum(a[::2])", mod.strided_sum, memoryview(a)[::2])
    show("strided_sum(a[::-1])", mod.strided_sum, memoryview(a)[::-1])
    m_store = array.array("f", [1.0, 2.0, 3.0, 0.5, -1.5, 2.25])
    m = memoryview(m_store).cast("B").cast("f", (2, 3))
    x = array.array("d", [1.0, 10.0, 100.0])
    y = array.array("d", [0.0, 0.0])
    show("matvec", mod.matvec, m, x, y)
    print("  y:", list(y))
    show("last_of_last", mod.last_of_last, m)
    show("scale_rows", mod.scale_rows, m, 0.10000000149011612)  # a float32 value
    print("  scaled:", list(m_store))
    show("last_of_last(scaled)", mod.last_of_last, m)
