from array import array

from diff_support import documented, show


def items(d):
    return sorted(d.items())


def run(mod):
    show("params_and_locals", lambda: items(mod.params_and_locals([1], 6, True)))
    show("unbound_left_out(True)", lambda: items(mod.unbound_left_out(True)))
    show("unbound_left_out(False)", lambda: items(mod.unbound_left_out(False)))
    show("deleted", lambda: items(mod.deleted(4)))
    show("inferred_after_call", lambda: (items(mod.inferred_after_call()[0]), mod.inferred_after_call()[1]))
    show("struct_value", lambda: items(mod.struct_value(3)))
    show("with_closure", lambda: (items(mod.with_closure(5)[0][0]), mod.with_closure(5)[0][1], mod.with_closure(5)[1]))
    show("in_lambda", lambda: items(mod.in_lambda(7)))
    show("gen_locals", lambda: list(mod.gen_locals(2)))
    show("view_local", mod.view_local, array("i", [1, 2]))
    show("c_values", lambda: items(mod.c_values(2)))
    show("Holder.named", lambda: mod.Holder().named())
    show("Holder.plain", lambda: mod.Holder().plain())
    show("a new dict each call", lambda: mod.deleted(1) is not mod.deleted(1))
    # A declared C variable is always bound in compiled code (it starts at zero);
    # plain Python has no such variable until it is assigned.
    documented("declared_unassigned", lambda: items(mod.declared_unassigned()), (), "[('count', 0), ('label', 'x')]")
    # Cython sorts the names; plain Python lists them in the order the function binds them.
    documented("key_order", mod.key_order, (1, 2), "['alpha', 'middle', 'zeta']")
