from diff_support import documented, show


# A map or pair parameter takes a converted copy (Cython's conversions); plain
# Python passes the object itself, so those calls are compared with Cython's
# results, written down here.
def run(mod):
    show("count([3, 1, 3, 2, 3])", mod.count, [3, 1, 3, 2, 3])
    show("count([])", mod.count, [])
    show("indexing(4)", mod.indexing, 4)
    show("methods(2)", mod.methods, 2)
    show("methods(7)", mod.methods, 7)
    show("at_missing(1)", mod.at_missing, 1)
    show("at_missing(5)", mod.at_missing, 5)
    show("weighted({3: 0.5, 1: 2.0, 2: 1.0})", mod.weighted, {3: 0.5, 1: 2.0, 2: 1.0})
    show("without_gil(7)", mod.without_gil, 7)
    # Assigning a map or a pair copies it (C++'s value semantics); plain Python shares the object.
    documented("swapped()", mod.swapped, (), "({2: 2, 3: 3}, {1: 1}, {2: 2, 3: 3, 4: 4})")
    show("words(...)", mod.words, b"the cat saw the dog  the end")
    show("groups(5)", mod.groups, 5)
    documented("pairs(1, 2.5)", mod.pairs, (1, 2.5), "((1, 2.5), (2, 5.0), 1, 5.0, (0, 0))")
    show("nested()", mod.nested)
    show("float_keys()", mod.float_keys)
    show("updates()", mod.updates)
    # The extension type's map field exists only compiled (plain Python has no field until assigned).
    documented("Ledger().run()", lambda: mod.Ledger().run(), (), "(7.0, {})")
    show("from_dict({2: 3, 1: 4})", mod.from_dict, {2: 3, 1: 4})
    show("from_dict({})", mod.from_dict, {})
    show("unordered_from_dict({5: 1, 6: 2.5})", mod.unordered_from_dict, {5: 1, 6: 2.5})
    # Cython's conversions of a wrong argument: plain Python fails elsewhere.
    documented("from_dict([1, 2])", mod.from_dict, ([1, 2],), "AttributeError: 'list' object has no attribute 'items'")
    documented("from_dict({'a': 1})", mod.from_dict, ({"a": 1},),
               "TypeError: 'str' object cannot be interpreted as an integer")
    documented("from_dict({1 << 40: 1})", mod.from_dict, ({1 << 40: 1},),
               "OverflowError: Python int too large to convert to C int")
    documented("boundary({1: b'one'})", mod.boundary, ({1: b"one"},), "{0: b'zero', 1: b'one'}")
    documented("boundary({1: 'one'})", mod.boundary, ({1: "one"},), "TypeError: expected bytes, str found")
    documented("pair_boundary((1, 2.5))", mod.pair_boundary, ((1, 2.5),), "(2.5, 1)")
    documented("pair_boundary([3, 4])", mod.pair_boundary, ([3, 4],), "(4.0, 3)")
    documented("pair_boundary((1, 2, 3))", mod.pair_boundary, ((1, 2, 3),),
               "ValueError: too many values to unpack (expected 2)")
    documented("pair_boundary((1,))", mod.pair_boundary, ((1,),),
               "ValueError: not enough values to unpack (expected 2, got 1)")
    documented("pair_boundary(5)", mod.pair_boundary, (5,), "TypeError: cannot unpack non-iterable int object")
