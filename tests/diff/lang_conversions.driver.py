from diff_support import show


def run(mod):
    for obj in (3, -2**40, True):
        show(f"from_object({obj!r})", mod.from_object, obj)
    for obj in (3, 2.5, -1):
        show(f"to_double({obj!r})", mod.to_double, obj)
    for a, b in [(1.5, 2), (3.0, 4), (-0.5, -2)]:
        show(f"pass_objects{a, b}", mod.pass_objects, a, b)
    for v in (0, 254):
        show(f"small({v})", mod.small, v)
    show("into_containers", mod.into_containers, 7, 0.25, True)
    show("into_containers(false)", mod.into_containers, -1, -2.0, False)
    show("roundtrip", mod.roundtrip, [1, 2, 3])
    show("roundtrip(empty)", mod.roundtrip, [])
    for a, b in [(3, 4), (-2, 5)]:
        show(f"c_result_in_object{a, b}", mod.c_result_in_object, a, b)
    # Errors both versions raise: arithmetic on a str fails in plain Python
    # before any conversion; the compiled version refuses the conversion itself
    # (converts= makes the plain run convert first, so the words match too).
    show("from_object(None)", mod.from_object, None, converts=("int",))
    show("from_object({})", mod.from_object, {}, converts=("int",))
    show("to_double(None)", mod.to_double, None, converts=("float",))
    show("to_double('x')", mod.to_double, "x", converts=("float",))
    show("pass_objects('a', 2)", mod.pass_objects, "a", 2.5, converts=("float", "int"))
