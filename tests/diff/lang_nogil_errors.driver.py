import array

from diff_support import show


def run(mod):
    for a, b in [(7, 2), (7, 0), (-9, 4)]:
        show(f"divide{a, b}", mod.divide, a, b)
    for a, b in [(7, 3), (-7, 3), (1, 0)]:
        show(f"modulo_block{a, b}", mod.modulo_block, a, b)
    for x in (1.5, 0.0, -2.0, 3.0):
        show(f"positive({x})", mod.positive, x)
    data = array.array("d", [1.0, 2.0])
    for i in (0, -2, 2, -3, 1):
        show(f"index_in_nogil({i})", mod.index_in_nogil, data, i)
    for n in (3, 0):
        show(f"dive({n})", mod.dive, n)
    for flag in (0, 1, 2, 3):
        show(f"raise_in_block({flag})", mod.raise_in_block, flag)
    # the module still works after all those errors
    show("divide(100, 7) again", mod.divide, 100, 7)
