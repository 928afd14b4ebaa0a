import array

from diff_support import documented, show


def run(mod):
    # A module-level memoryview is a C variable, as in Cython: no module attribute,
    # and the keyword form declares it (plain Python's shim binds nothing).
    documented("has view", lambda: hasattr(mod, "view"), (), "False")
    documented("grid_is_none()", mod.grid_is_none, (), "True")
    show("sum_view()", mod.sum_view)
    show("bump(1, 5)", mod.bump, 1, 5)
    show("bump(3, -1)", mod.bump, 3, -1)
    show("rebind(array d)", mod.rebind, memoryview(array.array('d', [0.5, 1.5])))
    show("read_empty()", mod.read_empty)
    show("copy_out()", mod.copy_out)
    # Binding a view checks the buffer's element type, as Cython does (a plain memoryview does not).
    documented("rebind(bytes)", mod.rebind, (b"ab",),
               "ValueError: Buffer dtype mismatch, expected 'double' but got 'unsigned char'")
    show("read_empty() after", mod.read_empty)
