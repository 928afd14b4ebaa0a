from array import array

from diff_support import show


def run(mod):
    show("wrap_byte(300)", mod.wrap_byte, 300, converts=("int",))
    show("wrap_byte(-1)", mod.wrap_byte, -1, converts=("int",))
    show("total(10)", mod.total, 10)
    show("narrow(2**33 + 5)", mod.narrow, 2**33 + 5)
    show("narrow(-7)", mod.narrow, -7)
    show("sizes()", mod.sizes)
    show("views", mod.views, memoryview(array("d", [1.0, 2.0, 3.5])), memoryview(array("i", [2, 3, 4])))
    show("pointers(3)", mod.pointers, 3)
