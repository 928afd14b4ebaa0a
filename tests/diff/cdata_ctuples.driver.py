from diff_support import documented, show


# Where plain Python keeps what it is given (an annotation does not convert, a
# tuple is immutable), the compiled module is compared with what Cython does,
# written down here.
def run(mod):
    show("swap((1, 2.5))", mod.swap, (1, 2.5))
    show("swap([4, 0.5])", mod.swap, [4, 0.5])
    documented("swap((1, 2))", mod.swap, ((1, 2),), "(2.0, 1)")
    documented("swap((1,))", mod.swap, ((1,),), "TypeError: Expected a sequence of size 2, got size 1")
    documented("swap((1, 2.0, 3))", mod.swap, ((1, 2.0, 3),), "TypeError: Expected a sequence of size 2, got size 3")
    documented("swap(5)", mod.swap, (5,), "TypeError: Expected a sequence of size 2, got int")
    documented("swap(('a', 1.0))", mod.swap, (("a", 1.0),), "TypeError: 'str' object cannot be interpreted as an integer")
    show("divmods(17, 5)", mod.divmods, 17, 5)
    show("divmods(-17, 5)", mod.divmods, -17, 5)
    show("divmods(1, 0)", mod.divmods, 1, 0)
    show("scaled((1.5, 2.0), 2.0)", mod.scaled, (1.5, 2.0), 2.0)
    show("nested(4)", mod.nested, 4)
    documented("update(3)", mod.update, (3,), "(3, 6)")
    documented("converted(1, 2)", mod.converted, (1, 2), "(1.0, 2)")
    documented("typeof_ctuple()", mod.typeof_ctuple, (), "'(int, double)'")
    s = mod.Segment()
    documented("Segment().ends", lambda: s.ends, (), "(0, 0)")
    s.ends = (2, 7)
    show("Segment.length", s.length)
    documented("Segment.ends = (1,)", setattr, (s, "ends", (1,)), "TypeError: Expected a sequence of size 2, got size 1")
    show("tuple_objects((1, 'o'), ())", mod.tuple_objects, (1, "o"), ())
    show("tuple_objects(('s', None), (1.5, 2, 'x'))", mod.tuple_objects, ("s", None), (1.5, 2, "x"))
    documented("tuple_objects([1, 2], ())", mod.tuple_objects, ([1, 2], ()),
               "TypeError: Argument 'x' has incorrect type (expected tuple, got list)")
    documented("typeof_tuple_object((1, 2))", mod.typeof_tuple_object, ((1, 2),), "'tuple object'")
