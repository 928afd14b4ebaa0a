from diff_support import show


class MyList(list):
    pass


def run(mod):
    show("as_list([1, 2])", mod.as_list, [1, 2])
    show("first_of([7, 8])", mod.first_of, [7, 8])
    show("as_str('ab')", mod.as_str, "ab")
    for value in ([1], MyList([2]), None, (1,), "x", 5):
        show(f"checked_list({value!r})", mod.checked_list, value)
    for value in ("x", None, b"x", 3):
        show(f"checked_str({value!r})", mod.checked_str, value)
    for value in ({1: 2}, [], None):
        show(f"checked_dict({value!r})", mod.checked_dict, value)
    show("unchecked((1,))", mod.unchecked, (1,))
    show("same_object", mod.same_object, [3])
    show("int_from_c(41)", mod.int_from_c, 41)
    try:
        mod.checked_list(5)
    except TypeError as error:
        print("message:", error)
