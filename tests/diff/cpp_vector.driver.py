from diff_support import documented, show


# A vector parameter takes any iterable, converted as Cython converts it; plain
# Python passes the object itself, so those calls are compared with Cython's
# results, written down here.
def run(mod):
    show("first_primes(10)", mod.first_primes, 10)
    show("first_primes(0)", mod.first_primes, 0)
    show("edit(3)", mod.edit, 3)
    show("shrink(4)", mod.shrink, 4)
    show("checked_at(2)", mod.checked_at, 2)
    show("checked_at(3)", mod.checked_at, 3)
    show("checked_at(-1)", mod.checked_at, -1)
    show("empty_ends(0)", mod.empty_ends, 0)
    show("empty_ends(1)", mod.empty_ends, 1)
    show("empty_ends(2)", mod.empty_ends, 2)
    show("without_gil(5)", mod.without_gil, 5)
    show("structs(3)", mod.structs, 3)
    show("nested(3)", mod.nested, 3)
    # `.data()` has no plain-Python meaning (the shim refuses it).
    documented("pointers(2)", mod.pointers, (2,), "([8, 3], 8)")
    show("counts(3)", mod.counts, 3)
    show("reserve_too_many(-1)", mod.reserve_too_many, -1)
    # More elements than a vector can hold (std::vector<int>::max_size() is 2**61 - 1):
    # pyxx's MemoryError (docs/language/cpp-containers.md). A failing allocation
    # below that count is not tried: the sanitized runs abort on it.
    show("reserve_too_many(1 << 62)", mod.reserve_too_many, 1 << 62)
    # A vector becomes a new list (a copy); plain Python shares the one object.
    documented("as_object(2)", mod.as_object, (2,), "([1, 1], [1, 1, 2])")
    documented("passed([1, 2.5])", mod.passed, ([1, 2.5],), "[1.0, 2.5, 2.0]")
    documented("passed(range(3))", mod.passed, (range(3),), "[0.0, 1.0, 2.0, 3.0]")
    documented("passed(x for x in (4.0,))", mod.passed, ((x for x in (4.0,)),), "[4.0, 1.0]")
    documented("passed(5)", mod.passed, (5,), "TypeError: 'int' object is not iterable")
    documented("passed(['a'])", mod.passed, (["a"],), "TypeError: must be real number, not str")
    show("declared((1, 2))", mod.declared, (1, 2))
    documented("declared([1, 'x'])", mod.declared, ([1, "x"],),
               "TypeError: 'str' object cannot be interpreted as an integer")
    documented("declared([1 << 40])", mod.declared, ([1 << 40],),
               "OverflowError: Python int too large to convert to C int")
    show("list(growing(3))", lambda: list(mod.growing(3)))
    g = mod.growing(5)
    show("next(growing(5))", next, g)
    show("growing(5).close()", g.close)
    acc = mod.Accumulator()
    show("Accumulator.add([1, 2, 3])", acc.add, [1, 2, 3])
    show("Accumulator.add(range(4))", acc.add, range(4))
    documented("copied([1])", mod.copied, ([1],), "[1, 1]")
    documented("copied(())", mod.copied, ((),), "[0]")
    show("defaulted()", mod.defaulted)
    documented("defaulted((1, 2))", mod.defaulted, ((1, 2),), "[1, 2]")
