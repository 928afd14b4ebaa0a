from diff_support import documented, show


# Where plain Python cannot behave as C (a struct is a value, copied on
# assignment; a field converts what it is given), the compiled module is
# compared with what Cython does, written down here.
def run(mod):
    show("make_point(1.0, 2.5)", mod.make_point, 1.0, 2.5)
    show("keywords()", mod.keywords)
    documented("copies()", mod.copies, (), "({'x': 1.0, 'y': 2.0}, {'x': 10.0, 'y': 2.0})")
    show("segment_mid(0, 0, 4, 2)", mod.segment_mid, 0.0, 0.0, 4.0, 2.0)
    show("through_pointer()", mod.through_pointer)
    show("from_dict(x, y)", mod.from_dict, {"x": 1.25, "y": 2})
    show("from_dict(extra key)", mod.from_dict, {"x": 1.0, "y": 2.0, "z": 3.0})
    show("from_dict(missing y)", mod.from_dict, {"x": 1.0})
    documented("from_dict(bad y)", mod.from_dict, ({"x": 1.0, "y": "two"},), "TypeError: must be real number, not str")
    show("union_bits(-5)", mod.union_bits, -5)
    show("typedefs(1.5)", mod.typedefs, 1.5)
    show("tagged(389, 1.64493)", mod.tagged, 389, 1.64493)
    show("union_from(d)", mod.union_from, {"d": 2.5})
    show("union_from(none)", mod.union_from, {"q": 2.5})
    show("union_from(both)", mod.union_from, {"i": 1, "d": 2.5})
