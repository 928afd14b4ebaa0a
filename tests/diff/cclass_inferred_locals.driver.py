from diff_support import documented, show


# Where Cython differs from plain Python (a private C field is no Python
# attribute), the compiled module is compared with what Cython does, written
# down here.
def run(mod):
    show("constructed()", mod.constructed)
    show("temporary()", mod.temporary)
    show("from_cast(Box(7))", lambda: mod.from_cast(mod.Box(7)))
    show("from_cast(Crate(8))", lambda: mod.from_cast(mod.Crate(8)))
    show("without_gil(5)", mod.without_gil, 5)
    # `b` holds a Box or a str: an object, whose private C field is not an attribute.
    documented("rebound(0)", mod.rebound, (0,),
               "AttributeError: 'cclass_inferred_locals.Box' object has no attribute 'w'")
    show("rebound(1)", mod.rebound, 1)
    show("shadowed([dict, list])", mod.shadowed, [dict, list])
