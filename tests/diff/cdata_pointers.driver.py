from diff_support import documented, show


# Conversions at the boundary that plain Python does not make (it keeps the
# object as it is): the compiled module is compared with what Cython does,
# written down here.
def run(mod):
    for n in (1, 4, 7):
        show(f"squares({n})", mod.squares, n)
    show("ramp(3, 0.5)", mod.ramp, 3, 0.5)
    show("pointer_maths()", mod.pointer_maths)
    for make in (False, True):
        show(f"null_checks({make})", mod.null_checks, make)
    show("arrays()", mod.arrays)
    show("array_sizes()", mod.array_sizes)
    show("struct_array(3)", mod.struct_array, 3)
    for x, y in [(5, 7), (-2**31, 255), (2**31 - 1, 0)]:
        show(f"stdint_values({x}, {y})", mod.stdint_values, x, y)
    documented("stdint_values(2**31, 0)", mod.stdint_values, (2**31, 0),
               "OverflowError: Python int too large to convert to C int")
    documented("stdint_values(1, 256)", mod.stdint_values, (1, 256),
               "OverflowError: Python int too large to convert to C unsigned char")
    show("from_list([1, 2, 3, 4])", mod.from_list, [1, 2, 3, 4])
    # A list assigned to a C array: Cython's messages for a wrong length or item.
    documented("from_list([1, 2, 3])", mod.from_list, ([1, 2, 3],),
               "IndexError: not enough values found during array assignment, expected 4, got 3")
    documented("from_list([1, 2, 3, 4, 5])", mod.from_list, ([1, 2, 3, 4, 5],),
               "IndexError: too many values found during array assignment, expected 4")
    documented("from_list([1, 2, 'x', 4])", mod.from_list, ([1, 2, "x", 4],),
               "TypeError: 'str' object cannot be interpreted as an integer")
    for i, j, k in [(0, 1, 0), (-1, 3, -1), (3, 0, 1), (4, 0, 0), (-5, 0, 0), (0, 4, 0), (0, 0, 2), (0, 0, -4)]:
        show(f"array_index({i}, {j}, {k})", mod.array_index, i, j, k)
    for i in (0, 2, -1, -3, 3, -4):
        show(f"array_index_without_gil({i})", mod.array_index_without_gil, i)
    show("array_index_no_wrap(2)", mod.array_index_no_wrap, 2)
    documented("array_index_no_wrap(-1)", mod.array_index_no_wrap, (-1,), "IndexError: C array index out of range")
    for lo, hi in [(1, 4), (-3, -1), (0, 99), (4, 2), (-99, 3)]:
        show(f"array_slices({lo}, {hi})", mod.array_slices, lo, hi)
        show(f"array_slices_unchecked({lo}, {hi})", mod.array_slices_unchecked, lo, hi)
