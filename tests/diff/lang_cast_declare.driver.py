from diff_support import show


def run(mod):
    for x in (0.0, 2.9, -2.9, 1e6 + 0.5, -0.5):
        show(f"to_int({x})", mod.to_int, x)
    for v in (0, 255, 256, -1, 1000, -129):
        show(f"to_uchar({v})", mod.to_uchar, v)
    for a in (0, 7, -9):
        show(f"to_double({a})", mod.to_double, a)
    for n in (0, 1, 5):
        show(f"declared({n})", mod.declared, n)
    for a, b in [(6, 4), (-7, 2), (3, 0)]:
        show(f"declared_keyword{a, b}", mod.declared_keyword, a, b)
    for n in (0, 1, 10):
        show(f"harmonic({n})", mod.harmonic, n)
    for v in (5, -1, 2**32 + 3):
        show(f"wrapping_local({v})", mod.wrapping_local, v, wraps="u32")
    for x in (3.7, -3.7, 0.0):
        show(f"truncation({x})", mod.truncation, x)
    show("declared_objects()", mod.declared_objects)
