from diff_support import show


def run(mod):
    data = [10, 20, 30, 40, 50]
    for i in (0, -1, 4, 5, -6):
        show(f"get(list, {i})", mod.get, data, i)
        show(f"get_c(list, {i})", mod.get_c, data, i)
    show("get(str)", mod.get, "hello", -2)
    show("get(tuple)", mod.get, (1, 2, 3), 1)
    show("get(dict)", mod.get, {"a": 1}, "a")
    show("get(dict missing)", mod.get, {"a": 1}, "b")
    show("get(int)", mod.get, 5, 0)
    show("get(list, str)", mod.get, data, "x")
    show("slices(list)", mod.slices, list(range(10)))
    show("slices(str)", mod.slices, "abcdefghij")
    show("slices(tuple)", mod.slices, (1, 2, 3))
    show("slices(empty)", mod.slices, [])
    for lo, hi in [(1, 3), (-3, -1), (3, 1), (0, 100)]:
        show(f"c_slice{lo, hi}", mod.c_slice, "abcdefg", lo, hi)
    show("set_items", mod.set_items, [1, 2, 3], 0, "first")
    show("set_items(out of range)", mod.set_items, [1, 2, 3], 3, "x")
    show("set_items(tuple)", mod.set_items, (1, 2), 0, "x")
    show("slice_assign", mod.slice_assign, [1, 2, 3, 4, 5])
    show("delete", mod.delete, [1, 2, 3, 4, 5], {"a": 1, "b": 2}, "a")
    show("delete(missing key)", mod.delete, [1, 2, 3], {"a": 1}, "zz")
    show("dict_ops", mod.dict_ops, {"x": 41})
    show("dict_ops(empty)", mod.dict_ops, {})
    show("nested", mod.nested, [[1, 2], [3, 4]], 0, 1)
    show("nested(bad)", mod.nested, [[1, 2], [3, 4]], 2, 0)
