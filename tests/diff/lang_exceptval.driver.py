from diff_support import show


def run(mod):
    for text in ("", "7", "1234", "12a4", "-1"):
        show(f"number({text!r})", mod.number, text)
    for x in (5, 1, -3, 0):
        show(f"shifted({x})", mod.shifted, x)
    for x in (1.5, float("nan"), -2.0):
        show(f"tripled({x})", mod.tripled, x)
    for a, b in [(7, 2), (-7, 2), (0, 0), (5, 0)]:
        show(f"quotient{a, b}", mod.quotient, a, b)
    # `text: str` is tested at the boundary, as Cython 3 does; plain Python fails later.
    def str_test(text):
        raise TypeError(f"Argument 'text' has incorrect type (expected str, got {type(text).__name__})")

    show("number(42)", mod.number, 42, c_model=str_test)
