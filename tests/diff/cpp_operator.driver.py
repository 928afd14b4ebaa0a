import array

from diff_support import documented, show


def run(mod):
    # dereference of shim pointers has a plain-Python meaning (p[0]).
    show("first_and_third([1.5, 2.5, 3.5])", mod.first_and_third, [1.5, 2.5, 3.5])
    show("point_fields(3, 0.5)", mod.point_fields, 3, 0.5)
    # The shim's vector has no begin()/end(), nor libcpp.algorithm a plain meaning,
    # nor can a plain function increment its caller's variable: compiled only.
    documented("vector_ends([4, 5, 6])", mod.vector_ends, ([4, 5, 6],), "(4, 6, 5)")
    documented("middle([5.0, 1.0, 4.0, 2.0, 3.0])", mod.middle, ([5.0, 1.0, 4.0, 2.0, 3.0],), "3.0")
    documented("counters(10)", mod.counters, (10,), "(11, 11, 11, 11, 10)")
    documented("wraps(2**31 - 1, 255)", mod.wraps, (2**31 - 1, 255), "(-2147483648, 255, 0)")
    documented("floats(0.5)", mod.floats, (0.5,), "(1.5, 1.5, 0.5)")
    documented("in_order(1)", mod.in_order, (1,), "(5, [2, 3, 2, 2])")
    documented("summed([1, 2, 3])", mod.summed, ([1, 2, 3],), "603")
    documented("skipping(3)", mod.skipping, (3,), "[1, 2, 3]")
    documented("shifted(array('i', [1, 2, 3]))", mod.shifted, (array.array("i", [1, 2, 3]),),
               "IndexError: Out of bounds on buffer access (axis 0)")
