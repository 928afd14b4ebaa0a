from diff_support import documented, show


# A set parameter takes a converted copy (Cython's conversion of any iterable);
# plain Python passes the object itself, so those calls are compared with
# Cython's results, written down here.
def run(mod):
    show("distinct([3, 1, 3, 2])", mod.distinct, [3, 1, 3, 2])
    show("methods(3)", mod.methods, 3)
    show("methods(4)", mod.methods, 4)
    show("floats()", mod.floats)
    show("words(b'a b a c')", mod.words, b"a b a c")
    # Assigning or swapping changes the variables, not objects they share.
    show("swapped()", mod.swapped)
    show("literals([b'a'])", mod.literals, [b"a"])
    show("from_iterable(range(3))", mod.from_iterable, range(3))
    show("from_iterable([2, 2])", mod.from_iterable, [2, 2])
    documented("from_iterable(5)", mod.from_iterable, (5,), "TypeError: 'int' object is not iterable")
    documented("from_iterable(['a'])", mod.from_iterable, (["a"],),
               "TypeError: 'str' object cannot be interpreted as an integer")
    documented("boundary([1, 2, 2])", mod.boundary, ([1, 2, 2],), "{2, 4}")
    documented("boundary(x for x in (5,))", mod.boundary, ((x for x in (5,)),), "{10}")
