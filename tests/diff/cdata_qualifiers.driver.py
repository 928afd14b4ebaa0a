from diff_support import documented, show


def run(mod):
    show("scaled(0)", mod.scaled, 0)
    show("scaled(5)", mod.scaled, 5)
    show("clamped(3.5)", mod.clamped, 3.5)
    show("clamped(-42.0)", mod.clamped, -42.0)
    show("clamped(42.0)", mod.clamped, 42.0)
    show("from_object(41)", mod.from_object, 41)
    # Plain Python does not convert at an annotation; Cython converts as for `cython.int`.
    documented("from_object(2**40)", mod.from_object, (2**40,), "OverflowError: Python int too large to convert to C int")
    documented("from_object('x')", mod.from_object, ("x",), "TypeError: 'str' object cannot be interpreted as an integer")
    show("squares_total(6)", mod.squares_total, 6)
    show("counted(0)", mod.counted, 0)
    show("counted(4)", mod.counted, 4)
    show("volatile_from_object(1.25)", mod.volatile_from_object, 1.25)
    documented("volatile_from_object(3)", mod.volatile_from_object, (3,), "6.0")
    show("volatile_reads(3)", mod.volatile_reads, 3)
    show("volatile_reads(-7)", mod.volatile_reads, -7)
