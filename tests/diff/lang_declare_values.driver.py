from diff_support import documented, show


def run(mod):
    for value in (7, -3, True, None, "12"):
        show(f"declared_int({value!r})", mod.declared_int, value, wraps="i32")
    for value in (1.5, 3, None, "1.5"):
        show(f"declared_double({value!r})", mod.declared_double, value)
    for value in (0, 2, None, "", [1]):
        show(f"declared_flag({value!r})", mod.declared_flag, value)
    show("bint_sizes()", mod.bint_sizes)
    show("Holder(3).describe()", lambda: mod.Holder(3).describe())
    show("Holder.count", lambda: mod.Holder.count)
    show("Holder.label", lambda: mod.Holder.label)
    # A C float result is a Python float once it leaves C: plain Python keeps the int.
    documented("cubed(3)", mod.cubed, (3,), "27.0")
    show("cubed(1.5)", mod.cubed, 1.5)
