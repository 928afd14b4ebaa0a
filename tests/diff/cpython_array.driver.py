import array

from diff_support import documented, show


def arg_error(type_name):
    """Compiled, a parameter typed `array.array` is tested at the boundary
    (isinstance, None passes), as Cython tests it; plain Python does not."""
    def model(*args):
        raise TypeError(f"Argument 'a' has incorrect type (expected array.array, got {type_name})")
    return model


def store_error(type_name):
    def model(*args):
        raise TypeError(f"Cannot convert {type_name} to array.array")
    return model


def run(mod):
    ints = array.array("i", [1, 2, 3])
    show("total", mod.total, ints)
    show("total(subclass)", mod.total, mod.IntArray("i", [5, 6]))
    show("total(list)", mod.total, [1, 2], c_model=arg_error("list"))
    show("maybe_len()", mod.maybe_len)
    show("maybe_len(None)", mod.maybe_len, None)
    show("view_sum", mod.view_sum, ints)
    show("view_sum(doubles)", mod.view_sum, array.array("d", [1.0]),
         c_model=lambda a: (_ for _ in ()).throw(ValueError("Buffer dtype mismatch, expected 'int' but got 'double'")))
    show("store(array)", mod.store, ints)
    show("store(None)", mod.store, None)
    show("store(5)", mod.store, 5, c_model=store_error("int"))
    show("module_first", mod.module_first)
    show("make(4)", mod.make, 4)
    show("the_type", lambda: mod.the_type() is array.array)

    # The data pointer and the helpers exist only compiled (the shim's
    # `cython.cimports.cpython.array` is the standard module, as in Cython's
    # Shadow.py): what Cython gives is written down.
    documented("first_int", mod.first_int, (array.array("i", [7, 8]),), "7")
    documented("set_item", mod.set_item, (array.array("i", [7, 8]), 1, -3), "array('i', [7, -3])")
    documented("scale_doubles", mod.scale_doubles, (array.array("d", [1.0, 2.5]), 2.0), "array('d', [2.0, 5.0])")
    show("first_int(None)", mod.first_int, None, c_model=arg_error("NoneType"))
    # Cython would dereference None's missing struct: pyxx raises.
    documented("first_of(None)", mod.first_of, (None,), "AttributeError: 'NoneType' object has no attribute 'data'")
    documented("cloned", mod.cloned, (array.array("d", [1.0]), 3), "array('d', [0.0, 0.0, 0.0])")
    documented("cloned(0)", mod.cloned, (array.array("b", [1]), 0), "array('b')")
    documented("cloned_kind", mod.cloned_kind, (mod.IntArray("i"),), "'IntArray'")
    documented("resized(shrink)", mod.resized, (array.array("i", [1, 2, 3]), 1), "array('i', [1])")
    documented("resized(grow)", mod.resized, (array.array("h", [1]), 3), "array('h', [1, 0, 0])")
    documented("resized_smart", mod.resized_smart, (array.array("l", [9, 8]), 1), "(0, array('l', [9]))")
    documented("extended", mod.extended, (array.array("i", [1]), array.array("i", [2, 3])), "array('i', [1, 2, 3])")
    documented("extended(self)", lambda: mod.extended(ints, ints), (), "array('i', [1, 2, 3, 1, 2, 3])")
    documented("extended(kinds)", mod.extended, (array.array("i", [1]), array.array("d", [2.0])),
               "TypeError: bad argument type for built-in operation")
    documented("copied", mod.copied, (mod.IntArray("i", [4, 5]),), "(IntArray('i', [4, 5]), False, 'IntArray')")
    documented("zeroed", mod.zeroed, (array.array("f", [1.5, 2.5]),), "array('f', [0.0, 0.0])")
    documented("extend_raw", mod.extend_raw, (array.array("i", [1]), array.array("i", [2, 3])),
               "array('i', [1, 2, 3])")
    # Cython reallocates the memory under the view (undefined behaviour): pyxx
    # resizes through CPython, which refuses while a buffer is exported.
    documented("resize_while_viewed", mod.resize_while_viewed, (array.array("i", [1, 2]),),
               "BufferError: cannot resize an array that is exporting buffers")
    show("Holder(array).items", lambda: mod.Holder(array.array("i", [1])).items)
    show("Holder(5)", mod.Holder, 5, c_model=store_error("int"))
    documented("Holder.first", lambda: mod.Holder(array.array("i", [9])).first(), (), "9")
    show("cast_checked(array)", mod.cast_checked, array.array("b", [1]))
    show("cast_checked(bytearray)", mod.cast_checked, bytearray(b"x"), c_model=store_error("bytearray"))
