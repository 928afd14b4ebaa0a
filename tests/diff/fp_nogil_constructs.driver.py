from diff_support import show

PAIRS = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (9, 0), (-(2**63), -1), (2**63 - 1, -3)]


def run(mod):
    for n in (0, 3, -12):
        show(f"docstrings({n})", mod.docstrings, n)
    for n, x in [(2, 1.5), (-3, 0.25), (2**31 - 1, 1.0)]:
        show(f"typed_by_locals{n, x}", mod.typed_by_locals, n, x)
    for a, b in PAIRS:
        show(f"divmod_long{a, b}", mod.divmod_long, a, b, wraps="i64")
    for a, b in [(7, 3), (32767, 5), (5, 0), (0, 4294967295)]:
        show(f"divmod_mixed{a, b}", mod.divmod_mixed, a, b)
    for a in (7, -7, 30, 0):
        show(f"divmod_literal({a})", mod.divmod_literal, a)
    for a, b in [(7, 2), (17, 5), (0, 3)]:  # C and Python division agree on these
        show(f"divmod_cdivision{a, b}", mod.divmod_cdivision, a, b)
    for n in (0, 9, 10, 2**64 - 1):
        show(f"digits({n})", mod.digits, n)
    for a, b in [(7.5, 2), (-7, 2), (7, 0), ("x", 1)]:
        show(f"divmod_object{a, b}", mod.divmod_object, a, b)
    for x in (2.0, 2.5, -3.0, 0.0, -0.0, 1e300, float("inf"), float("nan")):
        show(f"float_methods({x})", mod.float_methods, x)
    for n in (0, 5, -5):
        show(f"int_parts({n})", mod.int_parts, n)
    for n, flag in [(3, True), (4, False)]:
        show(f"with_condition{n, flag}", mod.with_condition, n, flag)
    show("with_parenthesized(3)", mod.with_parenthesized, 3)
    show("one_line", mod.one_line, [1, 2])
    show("one_line([])", mod.one_line, [])
    show("one_line_swap", mod.one_line_swap, [1, 2, 3])
    show("one_line_nested", mod.one_line_nested, [[0, 0]])
    show("one_line_typed", mod.one_line_typed, 41)
