import array

from diff_support import show


def ints(values):
    return memoryview(array.array("i", values))


def show_raises(label, function, *args):
    """Both runs raise, in other words: compiled, taking the buffer fails
    (Cython's message); plain, the operation on the object does."""
    try:
        print(f"{label}: {function(*args)!r}")
    except Exception:
        print(f"{label}: raises")


def run(mod):
    show("total", mod.total, memoryview(array.array("d", [1.0, 2.0, 3.5])))
    show("total(view)", mod.total, memoryview(array.array("d", [0.5] * 4)))
    show("total(empty)", mod.total, memoryview(array.array("d")))
    show_raises("total(int)", mod.total, 5)
    show("rebind", mod.rebind, ints([1, 2]), ints([7, 8, 9]))
    store = array.array("i", [0] * 6)
    show("fill", mod.fill, memoryview(store).cast("B").cast("i", (2, 3)), 5)
    print("  store:", list(store))
    show("slice_sums", mod.slice_sums, ints(range(10)))
    show("slice_sums(short)", mod.slice_sums, ints(range(4)))
    for lo, hi, step in [(0, 10, 1), (2, 8, 2), (9, 0, -3), (-3, -1, 1), (-20, 20, 4), (8, 2, 1), (5, 5, -1), (100, -100, -7)]:
        show(f"nogil_slices{lo, hi, step}", mod.nogil_slices, ints(range(10)), lo, hi, step)
    show_raises("nogil_slices(step 0)", mod.nogil_slices, ints(range(10)), 0, 10, 0)
    data = array.array("i", range(5))
    show("write_through", mod.write_through, memoryview(data))
    print("  data:", list(data))
    for lo, step in [(0, 1), (1, 2), (-1, -1), (7, 1), (3, -2)]:
        view = mod.sliced_object(ints(range(6)), lo, step)
        print(f"sliced_object{lo, step}:", view.tolist(), view.shape, view.strides, view.format, len(view))
    whole = mod.whole_view(memoryview(array.array("d", [1.5, -2.0])))
    print("whole_view:", whole.tolist(), whole.shape, whole.ndim, whole.itemsize, whole.nbytes, whole.readonly)
    show("geometry", mod.geometry, memoryview(array.array("l", range(7))))
