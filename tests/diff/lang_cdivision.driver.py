from diff_support import show


def c_div_mod(a, b):
    """C's truncating `/` and `%` on integers (what cdivision(True) asks for)."""
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return (q, a - q * b)


def c_mod(a, b):
    return c_div_mod(a, b)[1]


def run(mod):
    # Negative operands are where C truncation and Python's floor differ: the
    # plain run prints the C model, the compiled run its own result.
    pairs = [(7, 2), (0, 3), (100, 7), (2**62, 3), (-7, 2), (7, -2), (-7, -2), (-1, 1000),
             (-(2**63), 3), (2**63 - 1, -10), (-9, 9), (-10, 3)]
    for a, b in pairs:
        show(f"c_div_mod{a, b}", mod.c_div_mod, a, b, c_model=c_div_mod)
    for a, b in [(7, 2), (1, 3), (-9, 4)]:
        show(f"c_true_div{a, b}", mod.c_true_div, a, b)
    for n in (0, 7, 1234, 2**31 - 1):
        show(f"digits_reversed({n})", mod.digits_reversed, n)
    for a, b in [(-7, 3), (7, -3), (-2**31, 7), (13, 5)]:
        show(f"c_mod_nogil{a, b}", mod.c_mod_via_def, a, b, c_model=c_mod)
    for x, y in [(1.0, 8.0), (-3.0, 2.0)]:
        show(f"float_div{x, y}", mod.float_div, x, y)
