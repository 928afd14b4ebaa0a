from diff_support import documented, show


# Plain Python runs the one body for any argument and `T is object` is never
# true there; where the compiled specialisation differs, Cython's result is
# written down here.
def run(mod):
    show("increment(1.5)", mod.increment, 1.5)
    documented("increment(2)", mod.increment, (2,), "('object', 3)")
    documented("increment(True)", mod.increment, (True,), "('object', 2)")
    documented("increment([1])", mod.increment, ([1],), 'TypeError: can only concatenate list (not "int") to list')
    show("doubled('ab')", mod.doubled, "ab")
    documented("doubled(b'ab')", mod.doubled, (b"ab",), "(b'ab!', 2)")
    documented("doubled(3)", mod.doubled, (3,), "TypeError: No matching signature found")
    documented("unbox(Box(4))", mod.unbox, (mod.Box(4),), "4")
    documented("unbox(7)", mod.unbox, (7,), "70")
    documented("unbox(1.5)", mod.unbox, (1.5,), "TypeError: No matching signature found")
    show("scale_both('ab', 1.25)", mod.scale_both, "ab", 1.25)
    documented("kinds('x')", mod.kinds, ("x",), "'str object'")
    documented("kinds(b'x')", mod.kinds, (b"x",), "'bytes object'")
    documented("defaulted()", mod.defaulted, (), "(1.0, 'abcabc', None)")
    documented("defaulted(1.5)", mod.defaulted, (1.5,), "(3.0, 'abcabc', None)")
    documented("defaulted(s=b'x')", lambda: mod.defaulted(s=b"x"), (), "(1.0, b'xx', None)")
    documented("defaulted(b=b'x')", lambda: mod.defaulted(b=b"x"), (), "(1.0, 'abcabc', b'x?')")
