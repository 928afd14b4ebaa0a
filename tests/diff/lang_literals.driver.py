from diff_support import show


def run(mod):
    show("displays", mod.displays, 3, 0.5)
    show("empties", mod.empties)
    show("nested", mod.nested)
    show("unpack", mod.unpack, [1, 2, 3])
    show("unpack(str)", mod.unpack, "xyz")
    show("unpack(short)", mod.unpack, [1, 2])
    show("unpack(long)", mod.unpack, [1, 2, 3, 4])
    show("unpack(int)", mod.unpack, 7)
    show("unpack_nested", mod.unpack_nested, ((1, 2), 3))
    show("swap_objects", mod.swap_objects, "x", [1])
