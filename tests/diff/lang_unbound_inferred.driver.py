from diff_support import documented, show


def run(mod):
    for flag in (True, False):
        show(f"if_without_else({flag})", mod.if_without_else, flag)
        show(f"int_in_one_branch({flag})", mod.int_in_one_branch, flag)
        show(f"deleted({flag})", mod.deleted, flag)
    documented("both_branches(True, 4)", mod.both_branches, (True, 4), "(8, 'int')")
    documented("both_branches(False, 4)", mod.both_branches, (False, 4), "(3, 'int')")
    show("loop_variable_after_loop(3)", mod.loop_variable_after_loop, 3)
    show("loop_variable_after_loop(0)", mod.loop_variable_after_loop, 0)
    documented("assigned_in_loop_body(4)", mod.assigned_in_loop_body, (4,), "(12, 'int')")
    show("read_after_the_loop(3)", mod.read_after_the_loop, 3)
    show("read_after_the_loop(0)", mod.read_after_the_loop, 0)
    documented("while_true_with_break(3)", mod.while_true_with_break, (3,), "(6, 'long')")
    show("while_may_not_run(3)", mod.while_may_not_run, 3)
    show("while_may_not_run(0)", mod.while_may_not_run, 0)
    show("after_except('21')", mod.after_except, "21")
    show("after_except('x')", mod.after_except, "x")
    show("after_suppress(4.0)", mod.after_suppress, 4.0)
    show("after_suppress(0.0)", mod.after_suppress, 0.0)
    show("walrus_in_and(1, 3)", mod.walrus_in_and, 1, 3)
    show("walrus_in_and(0, 3)", mod.walrus_in_and, 0, 3)
    show("unbound_in_nogil_function_is_fine(5)", mod.unbound_in_nogil_function_is_fine, 5)
