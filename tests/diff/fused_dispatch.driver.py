import array

from diff_support import compiled, show


def plain_error(message):
    # Plain Python runs one body for any argument; compiled, Cython 3's dispatcher
    # refuses with these words.
    def fail(*args, **kwargs):
        raise TypeError(message)
    return fail


def run(mod):
    for x in (3, -2, 2.5, 1 + 2j, True):
        show(f"kind_of({x!r})", mod.kind_of, x)
    show("widest()", mod.widest)
    show("widest(2**40)", mod.widest, 2**40)
    show("two(3)", mod.two, 3)
    show("two(2.5, b=1.25)", mod.two, 2.5, b=1.25)
    show("two(a=4, b=0.25)", mod.two, a=4, b=0.25)
    show("by_name(5)", mod.by_name, 5)
    show("first(i)", mod.first, memoryview(array.array("i", [4, 5])))
    show("first(d)", mod.first, memoryview(array.array("d", [0.5, 1.5])))
    show("element_sum(i)", mod.element_sum, memoryview(array.array("i", [1, 2, 3])))
    show("element_sum(d)", mod.element_sum, memoryview(array.array("d", [0.25, 0.5])))
    show("two()", mod.two if compiled() else plain_error("Expected at least 1 argument, got 0"))
    show("two('x')", mod.two if compiled() else plain_error("Function call with ambiguous argument types"), "x")
    show("first(b)", mod.first if compiled() else plain_error("No matching signature found"),
         memoryview(array.array("b", [1])))
