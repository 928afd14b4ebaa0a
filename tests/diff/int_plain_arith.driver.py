import array

from diff_support import show

INT_MAX = 2**31 - 1
INT_MIN = -(2**31)


def run(mod):
    for start in (INT_MAX - 3, INT_MAX - 1, INT_MAX):
        show(f"up_to_int_max({start})", mod.up_to_int_max, start)
    for start in (INT_MAX - 3, INT_MAX - 1):
        show(f"one_past_int_max({start})", mod.one_past_int_max, start, wraps="i32")
    for start in (INT_MIN + 2, INT_MIN + 1, INT_MIN):
        show(f"down_to_int_min({start})", mod.down_to_int_min, start)
    for stop in (-INT_MAX, -INT_MAX + 3):
        show(f"negate_from({stop})", mod.negate_from, stop)
    show("negate_min()", mod.negate_min, wraps="i32")
    for n in (0, 5, 46341):
        show(f"squares({n})", mod.squares, n)
    show("squares_past()", mod.squares_past, wraps="i32")
    for start in (32764, 32766, 32767):
        show(f"short_edge({start})", mod.short_edge, start)
    for x in ([], [1], list(range(6))):
        show(f"len_minus_one({len(x)})", mod.len_minus_one, x)
    for n in (0, 1, 2, 5):
        a = memoryview(array.array("d", [float(k * k) for k in range(n)]))
        out = array.array("d", [0.0] * n)
        show(f"stencil({n})", mod.stencil, a, memoryview(out))
        print("  out:", list(out))
    for start in (2**63 - 3, 2**63 - 1):
        show(f"ssize_edge({start})", mod.ssize_edge, start)
    for k in (0, INT_MAX - 2, INT_MAX):
        show(f"rebound_in_body({k})", mod.rebound_in_body, k, wraps="i32")
    for k in (5, INT_MAX):
        # Plain Python cannot store through a pointer to a local: C's result, i = k.
        show(f"address_taken({k})", mod.address_taken, k, wraps="i32", c_model=lambda k: k + 1)
    for n in (0, 3, 10):
        show(f"bound_once_in_loop({n})", mod.bound_once_in_loop, n)
