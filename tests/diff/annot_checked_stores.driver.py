from diff_support import show


class Wide:
    """A comparison that returns no bool (as numpy arrays do)."""

    def __lt__(self, other):
        return "less"


def expected(type_name, value, allow_none=True):
    """What compiled code does with a value stored where `type_name` is declared:
    the plain run models Cython's TypeError (plain Python does not test)."""
    def model(*args, **kwargs):
        if (value is None and allow_none) or type(value).__name__ == type_name:
            return value
        raise TypeError(f"Expected {type_name}, got {type(value).__name__}")
    return model


def run(mod):
    show("store_list([1])", mod.store_list, [1])
    show("store_list(None)", mod.store_list, None)
    show("store_list((1,))", mod.store_list, (1,), c_model=expected("list", (1,)))
    show("store_int(7)", mod.store_int, 7)
    show("store_int(True)", mod.store_int, True, c_model=expected("int", True))
    show("store_int(1.5)", mod.store_int, 1.5, c_model=expected("int", 1.5))
    show("store_twice('a', 'b')", mod.store_twice, "a", "b")
    show("store_twice('a', b'b')", mod.store_twice, "a", b"b", c_model=expected("str", b"b"))
    show("store_in_loop", mod.store_in_loop, [(1,), (2,)])
    show("store_in_loop(bad)", mod.store_in_loop, [(1,), [2]], c_model=expected("tuple", [2]))
    show("store_unpacked", mod.store_unpacked, [], {})
    show("store_unpacked(bad b)", mod.store_unpacked, [], [], c_model=expected("dict", []))
    show("store_optional({})", mod.store_optional, {})
    show("store_optional(None)", mod.store_optional, None)
    show("store_optional([])", mod.store_optional, [], c_model=expected("dict", []))
    show("reassign_param", mod.reassign_param, [], [1])
    show("reassign_param(bad)", mod.reassign_param, [], "x", c_model=expected("list", "x"))
    show("from_c_values", mod.from_c_values, 3, 2.5, True)
    show("float_into_int", mod.float_into_int, 2.0, c_model=expected("int", 2.0))
    show("compare_into_bool", mod.compare_into_bool, 1, 2)
    show("compare_into_bool(wide)", mod.compare_into_bool, Wide(), 1, c_model=expected("bool", "less"))
    show("ccall_list([2])", mod.ccall_list, [2])
    show("ccall_list(None)", mod.ccall_list, None)
    show("ccall_list('ab')", mod.ccall_list, "ab", c_model=expected("list", "ab"))
    show("call_cfunc_tuple((1,))", mod.call_cfunc_tuple, (1,))
    show("call_cfunc_tuple([1])", mod.call_cfunc_tuple, [1], c_model=expected("tuple", [1]))
    show("calls_def([1])", mod.calls_def, [1])
    show("calls_def((1,))", mod.calls_def, (1,), c_model=lambda *a: (_ for _ in ()).throw(
        TypeError("Argument 'a' has incorrect type (expected list, got tuple)")))
    show("calls_ccall([1])", mod.calls_ccall, [1])
    show("calls_ccall((1,))", mod.calls_ccall, (1,), c_model=expected("list", (1,), allow_none=False))
    show("def_list('not a list')", mod.def_list, "not a list")
    show("def_int(2.5)", mod.def_int, 2.5)
