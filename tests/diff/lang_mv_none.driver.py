import array

from diff_support import show


def doubles(values):
    return memoryview(array.array("d", values))


def raises(kind, message):
    def model(*args):
        raise kind(message)
    return model


def run(mod):
    show("describe()", mod.describe)
    show("describe(None)", mod.describe, None)
    show("describe(view)", mod.describe, doubles([2.5, 1.0]))
    show("default_none()", mod.default_none)
    show("default_none(view)", mod.default_none, doubles([1.0]))
    show("strict(view)", mod.strict, doubles([1.0, 2.0]))
    show("strict(None)", mod.strict, None, c_model=raises(TypeError, "Argument 'v' must not be None"))
    show("local_none(False)", mod.local_none, False, doubles([4.0]))
    show("local_none(True)", mod.local_none, True, doubles([4.0]))
    show("local_none(True, None)", mod.local_none, True, None)
    show("count_nogil(None)", mod.count_nogil, None)
    show("count_nogil(view)", mod.count_nogil, memoryview(array.array("i", [1, 2, 3])))
    # A None view used anyway: Cython's errors where plain Python fails on None its own way.
    show("slice_none()", mod.slice_none, c_model=raises(TypeError, "Cannot slice None memoryview slice"))
    show("index_none()", mod.index_none, c_model=raises(IndexError, "Out of bounds on buffer access (axis 0)"))
    show("assign_none()", mod.assign_none, c_model=raises(TypeError, "Cannot assign to None memoryview slice"))
    show("shape_of_none()", mod.shape_of_none, c_model=lambda: (0, 0, 2))
