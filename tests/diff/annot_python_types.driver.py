import sys

from diff_support import compiled, show


SUBCLASS_NOTE = ("pyxx, as Cython, accepts only the exact builtin type for this annotation, not a subclass; "
                 "annotate the parameter as `object` to accept subclasses.")
# Exceptions have notes from Python 3.11 on; before, the TypeError comes without.
SUBCLASS_NOTES = [SUBCLASS_NOTE] if sys.version_info >= (3, 11) else []


class MyList(list):
    pass


def expect_type_error(name, expected, value, allow_none=False):
    """What a compiled `def` does with an argument whose annotation it tests:
    the plain run computes Cython's TypeError (plain Python does not test)."""
    def model(*args, **kwargs):
        if value is None and allow_none:
            return "passes"
        if type(value) is expected:
            return "passes"
        raise TypeError(f"Argument '{name}' has incorrect type (expected {expected.__name__}, "
                        f"got {type(value).__name__})")
    return model


def run(mod):
    show("takes_list", mod.takes_list, [1], {2: 3}, (4,), {5}, "six", b"seven")
    for label, args, index, name, expected in (
        ("tuple for list", ((1,), {}, (), set(), "", b""), 0, "a", list),
        ("list for dict", ([], [], (), set(), "", b""), 1, "b", dict),
        ("list for tuple", ([], {}, [], set(), "", b""), 2, "c", tuple),
        ("frozenset for set", ([], {}, (), frozenset(), "", b""), 3, "d", set),
        ("bytes for str", ([], {}, (), set(), b"", b""), 4, "e", str),
        ("str for bytes", ([], {}, (), set(), "", ""), 5, "f", bytes),
        ("None for list", (None, {}, (), set(), "", b""), 0, "a", list),
    ):
        model = expect_type_error(name, expected, args[index])
        show(f"takes_list({label})", mod.takes_list, *args, c_model=lambda *a: model())
    def subclass_call():
        try:
            mod.takes_list(MyList([1, 2]), {}, (), set(), "", b"")
        except TypeError as error:
            return str(error), getattr(error, "__notes__", [])
        return "accepted"

    show("takes_list(list subclass)", subclass_call,
         c_model=lambda: ("Argument 'a' has incorrect type (expected list, got MyList)", SUBCLASS_NOTES))
    show("takes_int", mod.takes_int, 2**70, False)
    show("takes_int(float)", mod.takes_int, 1.5, True, c_model=lambda *a: expect_type_error("n", int, 1.5)())
    show("takes_int(None)", mod.takes_int, None, True, c_model=lambda *a: expect_type_error("n", int, None)())
    show("takes_int(flag int)", mod.takes_int, 1, 1, c_model=lambda *a: expect_type_error("flag", bool, 1)())
    show("takes_float(int)", mod.takes_float, 3)
    show("takes_float(str)", mod.takes_float, "x", converts=("float",))
    show("takes_typing", mod.takes_typing, [1], {"a": 1}, (1, 2), None, "any")
    show("takes_typing(tuple for List)", mod.takes_typing, (1,), {}, (), 1, 2,
         c_model=lambda *a: expect_type_error("a", list, (1,))())
    show("optional()", mod.optional)
    show("optional(values)", mod.optional, [1], {}, (), [2])
    show("optional(None...)", mod.optional, None, None, None, None)
    show("optional(bad c)", mod.optional, None, None, [1], c_model=lambda *a: expect_type_error("c", tuple, [1])())
    show("optional(bad b)", mod.optional, None, [1], c_model=lambda *a: expect_type_error("b", dict, [1])())
    show("optional_float(2.5)", mod.optional_float, 2.5)
    show("optional_float(None)", mod.optional_float, None)
    show("optional_float(2)", mod.optional_float, 2, c_model=lambda *a: expect_type_error("x", float, 2)())
    show("any_of", mod.any_of, [1], (2,))
    show("any_of(other)", mod.any_of, 1, None)
    show("quoted", mod.quoted, 3, "ab", [1.0])
    show("quoted(bad s)", mod.quoted, 3, b"ab", [], c_model=lambda *a: expect_type_error("s", str, b"ab")())
    show("alias", mod.alias, [1.5, 2.5], "xyz")
    show("alias(None)", mod.alias, [], None)
    show("alias(bad t)", mod.alias, [], 3, c_model=lambda *a: expect_type_error("t", str, 3)())
