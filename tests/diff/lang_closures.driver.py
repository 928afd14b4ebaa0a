from diff_support import show


def run(mod):
    c = mod.make_counter(10)
    show("counter 1", c)
    show("counter 2", c, 5)
    show("late_binding", mod.late_binding)
    show("early_binding", mod.early_binding)
    show("rebinding_seen", mod.rebinding_seen)
    show("unbound_free", mod.unbound_free)
    show("recursive", mod.recursive, 6)
    show("names", mod.names)
    show("c_typed", mod.c_typed, 3)
    show("three_levels", mod.three_levels, 1)
    show("defaults_evaluated_once", mod.defaults_evaluated_once)
    show("decorated", mod.decorated)
    show("with_docstring", mod.with_docstring)
    show("sort_key", mod.sort_key, ["ccc", "a", "bb", "aa"])
    show("argument_errors", mod.argument_errors)
    show("module_lambda", mod.module_lambda, 4)
